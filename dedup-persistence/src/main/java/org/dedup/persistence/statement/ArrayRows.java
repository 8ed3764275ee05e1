package org.dedup.persistence.statement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL: rows bound as one text array per column and read back as a table by {@code unnest}, each value cast to
 * its column's type. A statement over them has one text however many rows it writes, so the driver prepares it once,
 * and it can go with the statements before and after it in one round trip (a JDBC batch cannot).
 */
public final class ArrayRows {
    /** Made once: jOOQ makes a new data type at each {@code array()} call. */
    private static final DataType<String[]> TEXTS = SQLDataType.VARCHAR.array();
    private static final DataType<UUID[]> UUIDS = SQLDataType.UUID.array();
    private final String alias;
    private final List<Field<?>> columns;
    private final List<List<String>> values = new ArrayList<>();

    /** Rows of {@code columns} (their names and types; table columns, or fields made for the purpose). */
    public ArrayRows(String alias, List<? extends Field<?>> columns) {
        this.alias = alias;
        this.columns = List.copyOf(columns);
        this.columns.forEach(column -> values.add(new ArrayList<>()));
    }

    /** A row: a value per column, in their order; null stays null, anything else is bound as its text. */
    public void add(Object... row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException(row.length + " values for the " + columns.size() + " columns "
                    + columns);
        }
        for (int i = 0; i < row.length; i++) {
            values.get(i).add(row[i] == null ? null : row[i].toString());
        }
    }

    /** The rows as a table: {@code unnest} of an array per column, its values bound through {@code v}, in order. */
    public Table<?> table(Binds v) {
        String arrays = IntStream.range(0, columns.size()).mapToObj(i -> "{" + i + "}")
                .collect(Collectors.joining(", "));
        return DSL.table("unnest(" + arrays + ")", values.stream()
                        .map(column -> v.of(TEXTS, column.toArray(String[]::new))).toArray(QueryPart[]::new))
                .as(alias, columns.stream().map(Field::getName).toArray(String[]::new));
    }

    /** {@code ids} as one bound array, for {@code = any(...)}. */
    public static Field<UUID[]> ids(Binds v, Collection<UUID> ids) {
        return DSL.field("cast({0} as uuid[])", UUIDS, v.of(TEXTS, ids.stream().map(UUID::toString)
                .toArray(String[]::new)));
    }

    /** The value of {@code column} in a row of {@link #table}, cast to the column's type. */
    public <T> Field<T> field(Field<T> column) {
        if (columns.stream().noneMatch(c -> Objects.equals(c.getName(), column.getName()))) {
            throw new IllegalArgumentException("no column " + column.getName() + " among " + columns);
        }
        return DSL.cast(DSL.field(DSL.name(alias, column.getName()), String.class), column.getDataType());
    }
}
