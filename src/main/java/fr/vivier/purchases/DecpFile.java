package fr.vivier.purchases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A DECP 2.0 JSON file ({@code {"marches": {"marche": [...]}}}, or the older {@code {"marches": [...]}}) read as a stream:
 * one contract at a time is turned into a tree and handed to {@link DecpRecordReader}, so memory does not grow with the
 * file. Concessions ({@code contrat-concession}) are not purchases and are skipped.
 */
final class DecpFile implements Iterator<PurchaseImport.ReadRecord> {
    static final String NOT_DECP = "Ce fichier JSON n’est pas au format DECP : il doit avoir la forme "
        + "{\"marches\": {\"marche\": [ … ]}} (format réglementaire des données essentielles de la commande publique, version 2).";
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(100_000).maxNestingDepth(50).build()).build();
    private static final ObjectMapper TREES = new ObjectMapper(FACTORY).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private enum Where { ROOT, IN_MARCHES, IN_ARRAY, END }

    private final JsonParser parser;
    private final DecpRecordReader reader;
    private Where where = Where.ROOT;
    private boolean sawMarches;
    private long position;
    private long concessions;
    private JsonNode next;

    DecpFile(InputStream input, DecpRecordReader reader) {
        this.reader = reader;
        try {
            this.parser = FACTORY.createParser(input);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PurchaseImport.Unreadable(NOT_DECP);
            }
        } catch (JsonProcessingException e) {
            throw new PurchaseImport.Unreadable("Ce fichier n’est pas un JSON lisible. " + NOT_DECP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && where != Where.END) {
            try {
                next = advance();
            } catch (JsonProcessingException e) {
                where = Where.END;
                throw new PurchaseImport.Unreadable("Le fichier JSON est mal formé ligne " + e.getLocation().getLineNr() + ", colonne "
                    + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ") : les " + position
                    + " marchés lus avant ce point sont traités, la suite du fichier ne l’est pas.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public PurchaseImport.ReadRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JsonNode marche = next;
        next = null;
        position++;
        return reader.read(marche, position);
    }

    long concessions() {
        return concessions;
    }

    /** The next contract's tree, or null at the end of the file. */
    private JsonNode advance() throws IOException {
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                where = Where.END;
                if (!sawMarches) {
                    throw new PurchaseImport.Unreadable(NOT_DECP);
                }
                return null;
            }
            switch (where) {
                case IN_ARRAY -> {
                    if (token == JsonToken.END_ARRAY) {
                        where = sawMarchesObject ? Where.IN_MARCHES : Where.ROOT;
                    } else {
                        return TREES.readTree(parser);
                    }
                }
                case IN_MARCHES -> {
                    if (token == JsonToken.END_OBJECT) {
                        where = Where.ROOT;
                    } else if (token == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if (name.equals("marche") && value == JsonToken.START_ARRAY) {
                            where = Where.IN_ARRAY;
                        } else {
                            if (name.equals("contrat-concession") && value == JsonToken.START_ARRAY) {
                                concessions += countElements();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                }
                case ROOT -> {
                    if (token == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if (name.equals("marches") && value == JsonToken.START_OBJECT) {
                            sawMarches = true;
                            sawMarchesObject = true;
                            where = Where.IN_MARCHES;
                        } else if (name.equals("marches") && value == JsonToken.START_ARRAY) {
                            sawMarches = true;
                            sawMarchesObject = false;
                            where = Where.IN_ARRAY;
                        } else {
                            parser.skipChildren();
                        }
                    } else if (token == JsonToken.END_OBJECT) {
                        where = Where.END;
                        if (!sawMarches) {
                            throw new PurchaseImport.Unreadable(NOT_DECP);
                        }
                        return null;
                    }
                }
                case END -> {
                    return null;
                }
            }
        }
    }

    private boolean sawMarchesObject;

    private long countElements() throws IOException {
        long count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
        }
        return count;
    }
}
