package se.planbot;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.planbot.indicators.KoladaUnavailable;

/**
 * {@code indicators import FILE}: yearly values from a sheet, all or nothing (exit 1 listing every bad row).
 * {@code indicators fetch}: reads every Kolada-backed indicator now, prints what was new, changed,
 * or differs from a value entered by hand (which is kept). Exit 1 when Kolada cannot be read
 * (nothing changed), 2 when fetching is off ({@code kolada.municipality} empty).
 */
@Command(name = "indicators", mixinStandardHelpOptions = true, description = "Hanterar indikatorerna.",
        subcommands = {IndicatorsCommand.Fetch.class, IndicatorsCommand.Import.class})
final class IndicatorsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "ange ett underkommando: indicators fetch eller indicators import");
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Hämtar alla Kolada-indikatorer nu för kolada.municipality. Värden som matats in för hand "
                    + "skrivs aldrig över; skillnader skrivs ut.")
    static final class Fetch implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var main = (Main) spec.root().userObject();
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            try (Planbot planbot = main.planbot()) {
                var report = planbot.fetchIndicators();
                if (!report.enabled()) {
                    err.println("planbot: " + report.summary());
                    return Main.USAGE;
                }
                report.lines().forEach(out::println);
                return 0;
            } catch (KoladaUnavailable e) {
                err.println("planbot: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Läser in indikatorvärden från en .csv- eller .xlsx-fil med rubrikerna Indikator;År;Värde;Anteckning. "
                    + "Allt eller inget: en felaktig rad stoppar importen och inget ändras.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "FIL", description = "värden som .csv (UTF-8, ; eller ,) eller .xlsx")
        java.nio.file.Path file;

        @Override
        public Integer call() throws java.io.IOException {
            var main = (Main) spec.root().userObject();
            if (java.nio.file.Files.isDirectory(file) || !java.nio.file.Files.isReadable(file)) {
                throw new se.planbot.problem.InvalidInput("fil", "filen " + file + " finns inte eller kan inte läsas");
            }
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            try (Planbot planbot = main.planbot()) {
                var result = new se.planbot.indicators.ValueImport(planbot.indicators())
                        .importBytes(bytes, "import:" + file.getFileName());
                spec.commandLine().getOut().println("Importerade " + file + ": " + result.summary());
            }
            return 0;
        }
    }
}
