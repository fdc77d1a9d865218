package fr.vivier.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validation messages by form field name, in the order of the form, for the fields fragment and the summary. */
public final class FormErrors {
    private FormErrors() {
    }

    public static Map<String, String> of(ConstraintViolationException exception) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.putIfAbsent(fieldName(violation.getPropertyPath()), violation.getMessage());
        }
        return errors;
    }

    private static String fieldName(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name == null ? "" : name;
    }
}
