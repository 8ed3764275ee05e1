package org.dedup.domain.index;

/** Where the reindex of a tenant's leads for one method stands. */
public enum IndexState {
    /** The leads stored before the method was enabled are being indexed for it, page by page. */
    INDEXING,
    /** Every lead of the tenant is indexed for the method. */
    INDEXED
}
