package org.dedup.domain.settings;

/** Where a tenant's settings come from at start when both the configuration file and the database hold some. */
public enum SettingsSource {
    /** The database: the file's settings only seed a tenant that has none stored. */
    DATABASE,
    /** The file: its settings replace the stored ones at every start. */
    FILE
}
