package fr.vivier.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.standard.StandardDialect;

/** Puts {@link MethodChainExpressions} in front of OGNL in the template engine, before it renders anything. */
@Singleton
class FastTemplateExpressions implements BeanCreatedEventListener<TemplateEngine> {
    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        TemplateEngine engine = event.getBean();
        for (IDialect dialect : engine.getDialects()) {
            if (dialect instanceof StandardDialect standard && !(standard.getVariableExpressionEvaluator() instanceof MethodChainExpressions)) {
                standard.setVariableExpressionEvaluator(new MethodChainExpressions(standard.getVariableExpressionEvaluator()));
            }
        }
        return engine;
    }
}
