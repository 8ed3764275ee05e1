package org.dedup.bench.standardize;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Standardizing one contact on one thread: full name, 2 emails, 3 phones (national and international formats of
 * several countries) and a website, i.e. the contact's profile plus its company website. Inputs rotate over 1,024
 * distinct contacts so no cache sees the same value twice in a row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class StandardizeContactBenchmark {
    private static final int CONTACTS = 1_024;
    private final CreatioCompatibleStandardizer standardizer = new CreatioCompatibleStandardizer();
    private final RecordStandardizer records = new RecordStandardizer(standardizer);
    private final StandardizationOptions options = new StandardizationOptions("GB", EmailFolding.GMAIL_DOTS_AND_PLUS);
    private Contact[] contacts;
    private String[] websites;
    private int next;

    @Setup
    public void generate() {
        contacts = new Contact[CONTACTS];
        websites = new String[CONTACTS];
        String[] names = {"José García", "Smith, John", "Иван Петров", "Γιώργος Παπαδόπουλος", "山田 太郎",
                "Zoë O'Brien-Ødegaard"};
        for (int i = 0; i < CONTACTS; i++) {
            String n = String.format("%04d", i);
            contacts[i] = new Contact(ContactId.random(), names[i % names.length] + " " + i,
                    List.of(Phone.of(PhoneType.WORK, "(020) 7946 " + n),
                            Phone.of(PhoneType.MOBILE, "+44 7700 90" + n),
                            Phone.of(PhoneType.HOME, "+1 (415) 555-" + n)),
                    List.of(Email.of("J.Doe+crm" + i + "@Gmail.com"), Email.of("john.doe" + i + "@Example.co.uk")),
                    Map.of());
            websites[i] = "https://www.example-" + i + ".com/about?ref=crm";
        }
    }

    @Benchmark
    public void standardizeContact(Blackhole blackhole) {
        int i = next++ & (CONTACTS - 1);
        RecordProfile profile = records.contact(contacts[i], options);
        blackhole.consume(profile);
        blackhole.consume(standardizer.website(websites[i]));
    }
}
