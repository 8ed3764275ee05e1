package org.dedup.bench.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;

/**
 * Writes a generated tenant ({@link PersonTenant}, seed 2026) as CSV: {@code id,full_name,emails,phones}, several
 * values separated by {@code |}, every field quoted. The input of {@code dedup spark-scan --format csv}.
 *
 * <p>The contacts are written as they are generated, never held, so 10,000,000 need no more than a small heap.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.dedup.bench.data.PersonTenantCsv 100000 /tmp/contacts-100k.csv</pre>
 */
public final class PersonTenantCsv {
    private PersonTenantCsv() {
    }

    public static void main(String[] args) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            csv.println("id,full_name,emails,phones");
            PersonTenant.generate(Integer.parseInt(args[0]), PersonTenant.SEED, (contact, person) -> write(contact, csv));
        }
    }

    private static void write(Contact contact, PrintWriter csv) {
        csv.printf("\"%s\",\"%s\",\"%s\",\"%s\"%n", contact.id().value(), contact.fullName(),
                contact.emails().stream().map(Email::address).collect(Collectors.joining("|")),
                contact.phones().stream().map(Phone::number).collect(Collectors.joining("|")));
    }
}
