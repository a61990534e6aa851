package se.planbot;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.planbot.plan.Person;
import se.planbot.plan.PersonDraft;
import se.planbot.plan.PersonRole;

/**
 * {@code person add | list}: the people of the programme from the command line, above all the
 * first coordinator, who then signs in to the console with a link mailed to their address.
 */
@Command(name = "person", mixinStandardHelpOptions = true, description = "Hanterar personer (ansvariga, koordinatorer, arbetsgrupp).",
        subcommands = {PersonCommand.Add.class, PersonCommand.ListPeople.class})
final class PersonCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "ange ett underkommando: person add eller person list");
    }

    private static Main main(CommandLine.Model.CommandSpec spec) {
        return (Main) spec.root().userObject();
    }

    private static PrintWriter out(CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Lägger till en person; med en e-postadress kan hen logga in i konsolen (/admin).")
    static final class Add implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "för- och efternamn")
        String name;

        @Option(names = "--email", description = "e-postadress (inloggningslänkar skickas dit)")
        String email;

        @Option(names = "--role", defaultValue = "owner", description = "coordinator, owner eller working_group (standard: ${DEFAULT-VALUE})")
        String role;

        @Option(names = "--slack-id", description = "Slack-användar-id, t.ex. U012AB3CD")
        String slackUserId;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PersonRole personRole = PersonRole.fromCode(role).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "--role '" + role + "' är okänd: använd coordinator, owner eller working_group"));
            try (Planbot planbot = main(spec).planbot()) {
                Person person = planbot.plan().createPerson(new PersonDraft(name, email, slackUserId, personRole));
                out(spec).println("Person " + person.id() + " (" + person.name() + ", " + person.role().code() + ") är tillagd."
                        + (person.email() == null ? "" : " Hen loggar in på /admin/login med " + person.email() + "."));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Listar alla personer (id, namn, roll, e-post).")
    static final class ListPeople implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Planbot planbot = main(spec).planbot()) {
                var people = planbot.plan().people();
                if (people.isEmpty()) {
                    out(spec).println("Inga personer ännu. Lägg till en med: person add --name NAMN --email ADRESS --role coordinator");
                }
                for (Person person : people) {
                    out(spec).printf("%4d  %-30s %-14s %s%n", person.id(), person.name(), person.role().code(),
                            person.email() == null ? "" : person.email());
                }
            }
            return 0;
        }
    }
}
