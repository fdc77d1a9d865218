package fr.vivier.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodChainExpressionsTest {
    public record Owner(String name) { }

    public record Item(String label, long count, boolean selected, Owner owner, List<String> tags) {
        public String shout() {
            return label.toUpperCase();
        }
    }

    private final AtomicInteger ognlCalls = new AtomicInteger();
    private final TemplateEngine ognl = engine(false);
    private final TemplateEngine fast = engine(true);

    private TemplateEngine engine(boolean withShortWay) {
        TemplateEngine engine = new TemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        for (IDialect dialect : engine.getDialects()) {
            if (withShortWay && dialect instanceof StandardDialect standard) {
                IStandardVariableExpressionEvaluator plain = standard.getVariableExpressionEvaluator();
                standard.setVariableExpressionEvaluator(new MethodChainExpressions((context, expression, execution) -> {
                    ognlCalls.incrementAndGet();
                    return plain.evaluate(context, expression, execution);
                }));
            }
        }
        return engine;
    }

    private Context context() {
        Context context = new Context();
        context.setVariable("items", List.of(new Item("Espaces verts", 3, true, new Owner("Ville"), List.of("a", "b")),
            new Item("Nettoyage <vitres>", 0, false, null, List.of())));
        context.setVariable("item", new Item("Seul", 1, false, new Owner("Métropole"), List.of("x")));
        context.setVariable("settings", Map.of("name", "Démo"));
        return context;
    }

    @Test
    void givesWhatOgnlGivesForEveryKindOfExpressionOfOurTemplates() {
        String template = """
            <ul><li th:each="v : ${items}" th:attr="aria-current=${v.selected() ? 'true' : null}" th:classappend="${v.selected()} ? 'actif'">
              <span th:text="${v.label()}">l</span> <span th:text="'(' + ${v.count()} + ')'">c</span> <b th:text="${v.shout()}">s</b>
              <i th:text="${v.tags().size()}">n</i> <i th:text="${!v.tags().isEmpty()}">e</i> <i th:if="${v.owner() != null}" th:text="${v.owner().name()}">o</i>
            </li></ul><p th:text="${item . owner() . name()}">o</p><p th:text="${settings.name}">p</p><p th:text="${item.label}">p</p>
            <p th:text="${settings}">m</p><p th:text="${missing}">m</p><p th:text="${true}">t</p>""";

        String expected = ognl.process(template, context());
        String actual = fast.process(template, context());

        assertEquals(expected, actual);
        assertTrue(actual.contains("Nettoyage &lt;vitres&gt;") && actual.contains("Métropole") && actual.contains("ESPACES VERTS"), actual);
    }

    @Test
    void callsWithoutArgumentsOnAVariableDoNotGoThroughOgnl() {
        fast.process("""
            <p th:text="${item.owner().name()}">o</p><a th:each="v : ${items}" th:href="${v.label()}" th:text="${v.label()}"
              th:attr="aria-current=${v.selected()} ? 'true'" th:classappend="${v.selected()} ? 'actif'" th:if="!${v.tags().isEmpty()}">l</a>""",
            context());

        assertEquals(0, ognlCalls.get(), "bare variables and calls without arguments do not go to OGNL, links included");
    }

    @Test
    void requestParametersStayOutOfReachWhereThymeleafRestrictsThem() {
        Context context = context();
        context.setVariable("param", new Owner("secret"));
        String template = "<a th:href=\"${param.name()}\">x</a>";
        assertThrows(TemplateProcessingException.class, () -> ognl.process(template, context));

        assertThrows(TemplateProcessingException.class, () -> fast.process(template, context));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${items.get(1).owner().name()}", "${item.getClass().getClassLoader()}", "${item.nothing()}", "${missing.label()}"})
    void whatOgnlRefusesIsStillRefused(String expression) {
        String template = "<p th:text=\"" + expression + "\">x</p>";
        assertThrows(TemplateProcessingException.class, () -> ognl.process(template, context()));

        assertThrows(TemplateProcessingException.class, () -> fast.process(template, context()));
    }
}
