package fr.vivier.directory.imports;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The preview page's confirmation form. With no table to keep the uploaded file between the two steps, the page
 * carries the file itself (gzipped then base64url: a CSV shrinks to a fraction of its size) with its HMAC under a
 * server key, and the import reads exactly the bytes that were previewed. The server takes requests of 2 MB at most, so a file
 * that does not compress enough cannot be confirmed in one go ({@link #fitsInForm}).
 */
@Introspected
@Serdeable
public record SupplierImportConfirmation(@Nullable String contenu, @Nullable String empreinte, @Nullable String nomFichier) {
    static final int MAX_PACKED_LENGTH = 1_900_000;

    static String pack(byte[] content) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(packed.toByteArray());
    }

    static boolean fitsInForm(String packed) {
        return packed.length() <= MAX_PACKED_LENGTH;
    }

    /** The file the form carries, unchecked (see {@link SupplierImportService#previewedContent}); never read beyond the size limit (gzip bombs). */
    Optional<byte[]> content() {
        if (contenu == null || empreinte == null) {
            return Optional.empty();
        }
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(contenu.strip())))) {
            byte[] content = gzip.readNBytes(SupplierCsv.MAX_BYTES + 1);
            return Optional.of(content);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String fileName() {
        return nomFichier == null || nomFichier.isBlank() ? "fichier.csv" : SupplierImportController.shortName(nomFichier);
    }
}
