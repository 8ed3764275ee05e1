package org.dedup.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.dedup.domain.model.InvalidRecordException;

/**
 * The rows of a CSV file (RFC 4180 through Jackson CSV: quoted cells may hold commas, quotes and line breaks) with a
 * fixed header, each handed over as trimmed cells. A row with another number of cells or a value its consumer refuses
 * is reported by the line it starts on and skipped; a file that is not UTF-8 or lacks the header is refused whole,
 * and malformed quoting ends the import at the line where it starts, keeping the rows before it.
 */
final class CsvRows {
    /** Without a schema each row is read as an array of its cells. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private final Path file;
    private final List<String> header;
    private final PrintStream errors;

    CsvRows(Path file, String header, PrintStream errors) {
        this.file = file;
        this.header = List.of(header.split(","));
        this.errors = errors;
    }

    /** Hands every good row to {@code save}; the rows saved and skipped, each skipped one reported on {@code errors}. */
    Counts read(Consumer<String[]> save) throws IOException {
        String text = utf8(Files.readAllBytes(file)).replaceFirst("^\uFEFF", "");
        int saved = 0;
        int skipped = 0;
        try (JsonParser parser = CSV.createParser(text)) {
            List<String> first = nextRow(parser);
            if (first == null || !header.equals(first.stream().map(cell -> cell.trim().toLowerCase()).toList())) {
                throw new InvalidRecordException(file + " must start with the header " + String.join(",", header));
            }
            while (true) {
                long line = parser.currentLocation().getLineNr();
                List<String> cells;
                try {
                    cells = nextRow(parser);
                } catch (JsonProcessingException malformed) {
                    errors.println("line " + line + ": " + malformed.getOriginalMessage()
                            + "; this line and the rest of the file were not imported");
                    return new Counts(saved, skipped + 1);
                }
                if (cells == null) {
                    return new Counts(saved, skipped);
                }
                try {
                    if (cells.size() != header.size()) {
                        throw new InvalidRecordException("has " + cells.size() + " columns, " + header.size()
                                + " expected");
                    }
                    save.accept(cells.stream().map(String::trim).toArray(String[]::new));
                    saved++;
                } catch (InvalidRecordException e) {
                    errors.println("line " + line + " skipped: " + e.getMessage());
                    skipped++;
                }
            }
        } catch (JsonProcessingException malformedHeader) {
            throw new InvalidRecordException(file + " must start with the header " + String.join(",", header));
        }
    }

    record Counts(int saved, int skipped) {
    }

    /** The next row's cells, or null at the end of the file. */
    private static List<String> nextRow(JsonParser parser) throws IOException {
        JsonToken start = parser.nextToken();
        if (start == null) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            cells.add(parser.getText());
        }
        return cells;
    }

    private String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRecordException(file + " is not valid UTF-8 (line " + lineOfFirstInvalidByte(content)
                    + "), nothing imported");
        }
    }

    private static int lineOfFirstInvalidByte(byte[] content) {
        ByteBuffer input = ByteBuffer.wrap(content);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(input, CharBuffer.allocate(content.length), true);
        int line = 1;
        for (int i = 0; i < (result.isError() ? input.position() : content.length); i++) {
            line += content[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
