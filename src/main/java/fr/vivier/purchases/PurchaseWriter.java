package fr.vivier.purchases;

import fr.vivier.directory.SupplierDirectory;
import fr.vivier.directory.SupplierSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Saves checked records a batch at a time, in one transaction (a record is saved whole or not at all): new ones
 * inserted, changed ones updated, identical ones left alone. Holders are matched to the directory by SIRET, then by
 * SIREN, else to what staff qualified by hand, and their attributes frozen as of the record's date; an update keeps what
 * was frozen for a holder it still names.
 */
@Singleton
class PurchaseWriter {
    private final PurchaseRepository purchases;
    private final SupplierDirectory directory;
    private final Clock clock;

    PurchaseWriter(PurchaseRepository purchases, SupplierDirectory directory, Clock clock) {
        this.purchases = purchases;
        this.directory = directory;
        this.clock = clock;
    }

    /** The outcome of each input, in order, and the id of the saved record (null in a dry run). */
    record Written(ImportReport.Outcome outcome, @Nullable Long id) { }

    @Transactional
    List<Written> write(List<PurchaseInput> inputs, boolean save, @Nullable Long accountId) {
        Map<String, PurchaseRepository.Existing> existing = purchases.existing(inputs.stream().map(PurchaseInput::key).toList());
        List<Written> written = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<Integer> created = new ArrayList<>();
        List<Integer> updated = new ArrayList<>();
        for (PurchaseInput input : inputs) {
            PurchaseRepository.Existing saved = existing.get(input.key());
            String hash = input.hash();
            ImportReport.Outcome outcome = saved == null ? ImportReport.Outcome.CREATED
                : saved.hash().equals(hash) ? ImportReport.Outcome.UNCHANGED : ImportReport.Outcome.UPDATED;
            if (outcome == ImportReport.Outcome.CREATED) {
                created.add(written.size());
            } else if (outcome == ImportReport.Outcome.UPDATED) {
                updated.add(written.size());
            }
            hashes.add(hash);
            written.add(new Written(outcome, saved == null ? null : saved.id()));
        }
        if (!save || created.size() + updated.size() == 0) {
            return written;
        }
        Set<String> sirets = Stream.concat(pick(inputs, created).stream(), pick(inputs, updated).stream())
            .flatMap(input -> Stream.concat(input.holders.stream(), input.subcontractors.stream()))
            .filter(PurchaseInput.Party::isSiret).map(PurchaseInput.Party::identifier).collect(Collectors.toSet());
        Map<String, SupplierDirectory.SupplierMatch> matches = directory.bySiretThenSiren(sirets);
        Map<String, PurchaseRepository.Qualification> qualified = purchases.qualifications(Stream.concat(pick(inputs, created).stream(),
                pick(inputs, updated).stream()).flatMap(input -> Stream.concat(input.holders.stream(), input.subcontractors.stream()))
            .map(PurchaseInput.Party::identifier).filter(identifier -> !matches.containsKey(identifier)).collect(Collectors.toSet()));
        List<Long> updatedIds = updated.stream().map(i -> written.get(i).id()).toList();
        Map<Long, List<PurchaseRepository.FrozenParty>> frozen = purchases.frozenParties(updatedIds);
        Instant now = clock.instant();
        List<Long> newIds = purchases.insert(pick(inputs, created), pick(hashes, created), accountId, now);
        for (int n = 0; n < created.size(); n++) {
            written.set(created.get(n), new Written(ImportReport.Outcome.CREATED, newIds.get(n)));
        }
        purchases.update(updatedIds, pick(inputs, updated), pick(hashes, updated), now);
        List<PurchaseRepository.PartyRow> parties = new ArrayList<>();
        List<PurchaseRepository.ModificationRow> modifications = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PurchaseInput input = inputs.get(i);
            Written outcome = written.get(i);
            if (outcome.outcome() == ImportReport.Outcome.UNCHANGED) {
                continue;
            }
            long id = outcome.id();
            Map<String, PurchaseRow.Party> kept = new HashMap<>();
            frozen.getOrDefault(id, List.of()).stream().filter(party -> party.party().matched())
                .forEach(party -> kept.put(party.role() + "/" + party.identifier(), party.party()));
            addParties(parties, id, "HOLDER", input.holders, input.holdersSince, matches, qualified, kept);
            addParties(parties, id, "SUBCONTRACTOR", input.subcontractors, input.notifiedOn, matches, qualified, kept);
            input.modifications.forEach(modification -> modifications.add(new PurchaseRepository.ModificationRow(id, modification)));
        }
        purchases.insertParties(parties);
        purchases.insertModifications(modifications);
        return written;
    }

    private static <T> List<T> pick(List<T> values, List<Integer> positions) {
        return positions.stream().map(values::get).toList();
    }

    private static void addParties(List<PurchaseRepository.PartyRow> rows, long id, String role, List<PurchaseInput.Party> parties,
                                   java.time.LocalDate since, Map<String, SupplierDirectory.SupplierMatch> matches,
                                   Map<String, PurchaseRepository.Qualification> qualified, Map<String, PurchaseRow.Party> kept) {
        for (int position = 0; position < parties.size(); position++) {
            PurchaseInput.Party party = parties.get(position);
            PurchaseRow.Party frozen = kept.get(role + "/" + party.identifier());
            if (frozen == null) {
                frozen = freeze(party, matches.get(party.identifier()), qualified.get(party.identifier()), since);
            }
            rows.add(new PurchaseRepository.PartyRow(id, role, position, party, frozen));
        }
    }

    private static PurchaseRow.Party freeze(PurchaseInput.Party party, SupplierDirectory.@Nullable SupplierMatch match,
                                            PurchaseRepository.@Nullable Qualification byHand, java.time.LocalDate on) {
        if (match == null && byHand != null) {
            return new PurchaseRow.Party(party.identifier(), party.type().label(), "MANUAL", null, byHand.name(), byHand.kind(), byHand.family(),
                byHand.size(), byHand.ess(), byHand.onTerritory(), party.subcontractAmount(), on);
        }
        if (match == null) {
            return new PurchaseRow.Party(party.identifier(), party.type().label(), "NONE", null, null, null, null, null, null, null,
                party.subcontractAmount(), on);
        }
        SupplierSummary supplier = match.supplier();
        return new PurchaseRow.Party(party.identifier(), party.type().label(), match.sameEstablishment() ? "SIRET" : "SIREN",
            supplier.id(), supplier.displayName(), supplier.kind().name(), supplier.kind().family().name(), supplier.size() == null ? null : supplier.size().name(),
            supplier.ess(), supplier.onTerritory(), party.subcontractAmount(), on);
    }
}
