package fr.vivier.sourcing;

import fr.vivier.directory.HistoryAction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** « Je souhaite être recontacté(e) par un acheteur »: a request staff track until it is answered. */
@MappedEntity("recontact_request")
public record RecontactRequest(
    @Id @GeneratedValue @Nullable Long id,
    Long supplierId,
    String topic,
    String sectors,
    String message,
    Status status,
    @Nullable Long assignedTo,
    Instant createdAt,
    @Nullable Instant assignedAt,
    @Nullable Instant answeredAt,
    @Nullable Instant closedAt,
    @Nullable Instant remindedAt) {

    public enum Status {
        NEW("Nouvelle"), ASSIGNED("Attribuée"), ANSWERED("Répondue"), CLOSED("Close");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The line a change to this status writes in the structure's history. */
        HistoryAction historyAction() {
            return HistoryAction.valueOf("RECONTACT_" + name());
        }
    }
}
