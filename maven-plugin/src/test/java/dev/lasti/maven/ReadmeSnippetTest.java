package dev.lasti.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documented set-up honest: the {@code basic} integration test builds exactly the complete
 * {@code pom.xml} users paste, so a snippet that does not build as pasted (Maven 3.8's old default compiler
 * plugin, say) fails this build. The pom comes from the README's "Use it in your build" section when the
 * README has one, else from {@code docs/use-it-in-your-build.md}.
 */
class ReadmeSnippetTest {
    private static final Path REPO = Path.of("..");
    private static final String SECTION = "Use it in your build";

    @Test
    void basicIntegrationTestBuildsExactlyTheDocumentedPom() throws IOException {
        String documented = documentedSnippet();
        String version = System.getProperty("project.version");
        String pom = Files.readString(Path.of("src/it/basic/pom.xml")).replace("@project.version@", version)
                .replace("\r\n", "\n").strip();

        assertEquals(documented.strip(), pom, "src/it/basic/pom.xml must be, with @project.version@ for the"
                + " version, the first xml block of \"" + SECTION + "\" in " + snippetSource());
    }

    @Test
    void documentedPomIsCompleteAndPinsWhatMaven38GetsWrong() throws IOException {
        String snippet = documentedSnippet();

        for (String needle : List.of("<project ", "<modelVersion>4.0.0</modelVersion>",
                "<maven.compiler.release>17</maven.compiler.release>",
                "<artifactId>lasti-runtime</artifactId>", "<artifactId>lasti-maven-plugin</artifactId>",
                "<goal>transform</goal>", "<goal>transform-test</goal>",
                "<version>" + System.getProperty("project.version") + "</version>", "</project>")) {
            assertTrue(snippet.contains(needle), "snippet lacks " + needle);
        }
        assertTrue(snippet.contains("<artifactId>maven-compiler-plugin</artifactId>\n        <version>"),
                "the compiler plugin must be pinned: Maven 3.8's default ignores maven.compiler.release");
        assertTrue(snippet.contains("<artifactId>maven-surefire-plugin</artifactId>\n        <version>"),
                "surefire must be pinned: Maven 3.8's default does not run JUnit 5");
    }

    private static Path snippetSource() throws IOException {
        Path readme = REPO.resolve("README.md");
        if (Files.isRegularFile(readme) && section(Files.readString(readme)) != null) {
            return readme;
        }
        return REPO.resolve("docs/use-it-in-your-build.md");
    }

    /** The first xml code block after the section heading. */
    private static String documentedSnippet() throws IOException {
        Path source = snippetSource();
        String text = Files.readString(source);
        String section = source.endsWith("README.md") ? section(text) : text;
        Matcher m = Pattern.compile("```xml\\R(.*?)\\R```", Pattern.DOTALL).matcher(section);
        assertTrue(m.find(), source + " has no ```xml block in \"" + SECTION + "\"");
        return m.group(1).replace("\r\n", "\n");
    }

    /** The text from a heading named {@link #SECTION} to the next heading of the same or higher level. */
    private static String section(String markdown) {
        Matcher heading = Pattern.compile("(?m)^(#+)\\s+" + Pattern.quote(SECTION) + "\\s*$").matcher(markdown);
        if (!heading.find()) {
            return null;
        }
        int level = heading.group(1).length();
        Matcher next = Pattern.compile("(?m)^#{1," + level + "}\\s").matcher(markdown);
        int end = next.find(heading.end()) ? next.start() : markdown.length();
        return markdown.substring(heading.end(), end);
    }
}
