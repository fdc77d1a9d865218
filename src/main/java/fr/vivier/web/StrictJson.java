package fr.vivier.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads API bodies strictly: a key given twice, a number or a string where a boolean is expected ({@code
 * "publishContact": 1} is not a consent), a boolean or a number where text is expected ({@code "name": true}) are
 * refused with the field and a French message, instead of being guessed. Unknown keys are ignored.
 */
public final class StrictJson {
    /** What reading gave: the value, or the first field refused and why. */
    public sealed interface Result<T> {
        record Read<T>(T value) implements Result<T> { }

        record Refused<T>(String field, String message) implements Result<T> { }
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .withCoercionConfig(LogicalType.Textual, config -> config
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, config -> config
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
        .build();

    private StrictJson() {
    }

    public static <T> Result<T> read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            return new Result.Refused<>("body", "Corps de requête JSON attendu.");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                // the body is the JSON literal null: readable, but no object
                return new Result.Refused<>("body", "Type inattendu : un objet est attendu.");
            }
            return new Result.Read<>(value);
        } catch (JacksonException e) {
            JsonMappingException mapping = e instanceof JsonMappingException m ? m : null;
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                return new Result.Refused<>(path(mapping, duplicate.group(1)), "Clé donnée deux fois : une seule valeur est acceptée.");
            }
            if (mapping == null) {
                return new Result.Refused<>("body", "Corps de requête illisible : JSON invalide.");
            }
            return new Result.Refused<>(path(mapping, null), expected(mapping));
        }
    }

    /** The field as the API's errors name it ({@code contact.email}, {@code labels[1].code}), then {@code last}. */
    private static String path(JsonMappingException e, String last) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e == null ? List.<JsonMappingException.Reference>of() : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        if (last != null) {
            path.append(path.isEmpty() ? "" : ".").append(last);
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == String.class) {
            return "Type inattendu : une chaîne de caractères est attendue.";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "Type inattendu : true ou false est attendu.";
        }
        if (target != null && (Collection.class.isAssignableFrom(target) || target == List.class)) {
            return "Type inattendu : une liste est attendue.";
        }
        if (target != null && target.isRecord()) {
            return "Type inattendu : un objet est attendu.";
        }
        return "Valeur illisible : vérifiez le format JSON et le type du champ.";
    }
}
