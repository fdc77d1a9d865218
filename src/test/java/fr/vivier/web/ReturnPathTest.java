package fr.vivier.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/programmation", "/programmation/2027/T-1A2B.3_C", "/programmation/alertes/mes-alertes"})
    void aPageOfTheProgrammingIsKept(String path) {
        assertEquals(Optional.of(path), ReturnPath.of(path));
        assertEquals("?retour=" + path.replace("/", "%2F"), ReturnPath.query(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://ailleurs.example/programmation", "//ailleurs.example/programmation", "/\\ailleurs.example",
        "/programmation/../agents", "/programmation/2027/..", "/programmationx", "/programmation//ailleurs.example",
        "/programmation/2027/T-1?x=1", "/programmation/2027/T-1#haut", "/agents/programmation", "programmation/2027/T-1",
        "/programmation/2027/T-1/", "/programmation/%2e%2e/agents", "/programmation/a/b/c/d/e", " /programmation"})
    void anythingElseIsRefused(String typed) {
        assertEquals(Optional.empty(), ReturnPath.of(typed));
        assertEquals("", ReturnPath.query(typed));
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 5000})
    void aVeryLongPathIsRefused(int length) {
        assertEquals(Optional.empty(), ReturnPath.of("/programmation/" + "a".repeat(length)));
    }
}
