package fr.vivier.web;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.util.ExpressionUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thymeleaf's expression evaluator with a short way for the commonest expressions of our templates: a variable, alone or
 * followed by calls without arguments, such as {@code ${currentPath}}, {@code ${hit.slug()}} or {@code ${value.selected()}}
 * on the view records. OGNL
 * looks such a call up and checks it against Thymeleaf's restrictions at every evaluation, a third of the search page's
 * rendering time; here each method is looked up and checked once per class, with Thymeleaf's own rule
 * ({@link ExpressionUtils#isMemberAllowed}). Everything else goes to OGNL unchanged: operators, properties, arguments,
 * selections ({@code *{…}}), conversions ({@code ${{…}}}), request parameters where they are restricted, a missing
 * variable, a null along the way, a method that cannot be called. Either way the value is the same.
 */
final class MethodChainExpressions implements IStandardVariableExpressionEvaluator {
    private static final Pattern CHAIN = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)((?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\(\\s*\\))*)\\s*");
    private static final String NULL = "null";
    private static final Pattern CALL = Pattern.compile("\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");

    /** A variable and the methods called on it, in order. */
    private record Chain(String variable, String[] methods) {
        /** Whether a name of the chain is this one (restricted contexts refuse request parameters: OGNL decides). */
        boolean names(String name) {
            return variable.equals(name) || Arrays.asList(methods).contains(name);
        }
    }

    private final IStandardVariableExpressionEvaluator ognl;
    private final Map<String, Optional<Chain>> chains = new ConcurrentHashMap<>();
    private final ClassValue<Map<String, Optional<Method>>> methods = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    MethodChainExpressions(IStandardVariableExpressionEvaluator ognl) {
        this.ognl = ognl;
    }

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression, StandardExpressionExecutionContext execution) {
        if (NULL.equals(expression.getExpression())) {
            // what Thymeleaf evaluates for the missing « else » of « ${a} ? b », once per false condition
            return null;
        }
        Optional<Chain> chain = expression.getUseSelectionAsRoot() || execution.getPerformTypeConversion()
            || execution.getForbidUnsafeExpressionResults()
            ? Optional.empty() : chains.computeIfAbsent(expression.getExpression(), MethodChainExpressions::parse);
        boolean restricted = execution.getRestrictVariableAccess() || execution.getRestrictInstantiationAndStatic();
        if (chain.isEmpty() || restricted && chain.get().names("param") || !context.containsVariable(chain.get().variable())) {
            return ognl.evaluate(context, expression, execution);
        }
        Object value = context.getVariable(chain.get().variable());
        for (String name : chain.get().methods()) {
            Optional<Method> method = value == null ? Optional.empty() : method(value, name);
            if (method.isEmpty()) {
                return ognl.evaluate(context, expression, execution);
            }
            value = invoke(method.get(), value);
        }
        return value;
    }

    private static Optional<Chain> parse(String expression) {
        Matcher whole = CHAIN.matcher(expression);
        if (!whole.matches()) {
            return Optional.empty();
        }
        Matcher call = CALL.matcher(whole.group(2));
        List<String> names = new ArrayList<>();
        while (call.find()) {
            names.add(call.group(1));
        }
        return Optional.of(new Chain(whole.group(1), names.toArray(String[]::new)));
    }

    private Optional<Method> method(Object target, String name) {
        return methods.get(target.getClass()).computeIfAbsent(name, n -> lookUp(target, n));
    }

    /** A public method without parameters that this class may call and Thymeleaf allows templates to call on this object. */
    private static Optional<Method> lookUp(Object target, String name) {
        if (!ExpressionUtils.isMemberAllowed(target, name)) {
            return Optional.empty();
        }
        try {
            Method method = target.getClass().getMethod(name);
            if (method.getReturnType() == void.class || Modifier.isStatic(method.getModifiers())) {
                return Optional.empty();
            }
            return method.canAccess(target) ? Optional.of(method) : publicDeclaration(target.getClass(), name);
        } catch (NoSuchMethodException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The method as a public type declares it, for objects of hidden classes (List.of(…).isEmpty() is ImmutableCollections.ListN's). */
    private static Optional<Method> publicDeclaration(Class<?> type, String name) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            List<Class<?>> types = new ArrayList<>(List.of(candidate.getInterfaces()));
            types.add(0, candidate);
            for (int i = 0; i < types.size(); i++) {
                Class<?> declaring = types.get(i);
                types.addAll(List.of(declaring.getInterfaces()));
                if (Modifier.isPublic(declaring.getModifiers()) && declaring.getModule().isExported(declaring.getPackageName())) {
                    try {
                        Method method = declaring.getMethod(name);
                        if (Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                            return Optional.of(method);
                        }
                    } catch (NoSuchMethodException e) {
                        // not declared by this type: keep looking
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
