package org.dedup.matchers.spi;

import org.dedup.domain.match.Matcher;

/**
 * The extension point of dedup: a factory for one duplicate-detection method, found with
 * {@link java.util.ServiceLoader}. List the implementation in
 * {@code META-INF/services/org.dedup.matchers.spi.MatcherProvider} of your jar and drop the jar into the
 * {@code plugins/} directory, or a directory holding it and the jars of the libraries it bundles (or put it on the
 * class path).
 *
 * <p>Each plugin gets a class loader of its own over the JDK's platform loader: it sees this package, the domain's
 * {@code org.dedup.domain} packages and the JDK, and none of dedup's other classes or libraries (Guice, jOOQ,
 * Jackson...), so it bundles whatever libraries it uses, in whatever versions it needs.
 *
 * <p>A provider must have a public no-argument constructor and be cheap to construct; expensive work (loading a
 * model, opening files) belongs in {@link #create}, and what it opens there the matcher releases in
 * {@link Matcher#close()}, which dedup calls when it shuts down. The matcher it creates is called from many threads
 * at once and must be thread-safe. It is given standardized profiles only and never sees another tenant's records.
 */
public interface MatcherProvider {

    /** The SPI version this build of dedup implements; a provider compiled against another major is refused. */
    int SPI_VERSION = 1;

    /** A unique id, also the id of the method tenants enable (lower case, digits and '_'), e.g. {@code "tax_id"}. */
    String id();

    /** The SPI version the provider was written against; keep the default. */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /** Creates the matcher from its typed configuration; invalid configuration fails with a message naming the key. */
    Matcher create(MatcherConfig config);
}
