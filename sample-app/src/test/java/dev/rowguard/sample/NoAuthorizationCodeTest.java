package dev.rowguard.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every authorization decision of the sample comes from its entity annotations: its code
 * makes none.
 */
class NoAuthorizationCodeTest {

    private static final Pattern AUTHORIZATION_CODE = Pattern
        .compile("@PreAuthorize|@PostAuthorize|@Secured|@RolesAllowed|hasRole|hasAuthority|AccessDeniedException"
                + "|HttpStatus\\.FORBIDDEN|getOwner\\(\\)\\.getId\\(\\)\\.equals|getAuthorId\\(\\)\\.equals"
                + "|getSubmitterId\\(\\)\\.equals|\\.roles\\(\\)\\.contains|authorizeHttpRequests");

    @Test
    void theSamplesMainCodeContainsNoAuthorizationLogic() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offending = files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
                try {
                    return Files.readAllLines(file)
                        .stream()
                        .filter(line -> AUTHORIZATION_CODE.matcher(line).find())
                        .map(line -> file.getFileName() + ": " + line.trim());
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).toList();
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theEntitiesCarryThePolicies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/rowguard/sample/domain"))) {
            long annotated = files.filter(file -> {
                try {
                    return Files.readString(file).contains("@Allow(");
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).count();
            assertThat(annotated).isEqualTo(7);
        }
    }

}
