package se.planbot.plan;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import se.planbot.problem.InvalidInput;

/**
 * The plan import's spreadsheet reading for other features' imports (indicator values): CSV in
 * UTF-8 with {@code ;} or {@code ,}, or the first sheet of an XLSX; the same Swedish refusals.
 */
public final class Sheets {

    private Sheets() {
    }

    /** A .xlsx (recognised by its zip signature) or UTF-8 CSV; XLSX number cells as plain numbers. */
    public static Sheet read(byte[] bytes) {
        if (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return XlsxFormat.read(new ByteArrayInputStream(bytes), true);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("fil", "filen är inte UTF-8; spara den som \"CSV UTF-8\" i Excel");
        }
        return CsvFormat.read(text);
    }
}
