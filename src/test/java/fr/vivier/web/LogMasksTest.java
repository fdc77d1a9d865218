package fr.vivier.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogMasksTest {
    @Test
    void linkSecretsLeaveThePathAndTheQueryGoes() {
        assertEquals("/mon-profil/***", LogMasks.path("/mon-profil/kX2c9Q_4-pd8ZrA1mB7sT3vN0wY5eJ6hU8gL2fK1aQ0"));
        assertEquals("/invitation/***", LogMasks.path("/invitation/kX2c9Q_4-pd8ZrA1mB7sT3vN0wY5eJ6hU8gL2fK1aQ0?x=1"));
        assertEquals("/agents/fiches/12/refus", LogMasks.path("/agents/fiches/12/refus"));
        assertEquals("/fournisseurs/atelier-de-l-ourcq-montreuil", LogMasks.path("/fournisseurs/atelier-de-l-ourcq-montreuil"));
    }

    @Test
    void emailAddressesKeepOnlyTheirDomain() {
        assertEquals("SMTPException: 550 <***@demo-sur-loire.example>: Recipient address rejected",
            LogMasks.emails("SMTPException: 550 <camille.martin@demo-sur-loire.example>: Recipient address rejected"));
    }
}
