package io.emostream.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigListingTest {

  private static final String START = "<!-- config-table:start -->\n";
  private static final String END = "<!-- config-table:end -->";

  @Test
  void shouldListEveryDeclaredKeyWithItsCurrentValueDefaultAndDocumentation() {
    List<String> lines = ConfigListing.lines(EmostreamSettings.of(Map.of("inference.max-batch", "8")));
    String text = String.join("\n", lines);

    for (String key : EmostreamConfigDef.CONFIG_DEF.names()) {
      assertThat(text).contains(key + " = ");
    }
    assertThat(text).contains("inference.max-batch = 8\n")
        .contains("inference.max-delay = 20ms  (default)")
        .contains("    Most utterances in one model call")
        .contains("default: 32; allowed: a whole number in [1, 4096]");
  }

  @Test
  void shouldMaskSecrets() {
    String text = String.join("\n", ConfigListing.lines(EmostreamSettings.of(Map.of("serving.token", "hunter2"))));
    assertThat(text).contains("serving.token = ****").doesNotContain("hunter2");
  }

  @Test
  void shouldMatchTheReadmeConfigurationTable() throws IOException {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("README has the markers " + START.trim() + " ... " + END).isNotNegative();
    String inReadme = readme.substring(start + START.length(), end);

    assertThat(keysOf(inReadme)).as("keys in the README table vs declared keys")
        .isEqualTo(new TreeSet<>(EmostreamConfigDef.CONFIG_DEF.names()));
    assertThat(inReadme).as("README configuration table is stale: paste the output of"
        + " 'emostream config --markdown' between the markers").isEqualTo(ConfigListing.markdownTable());
  }

  private static Set<String> keysOf(String table) {
    Set<String> keys = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(table);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  private static Path readme() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("streams-app"))) {
        return dir.resolve("README.md");
      }
    }
    throw new IllegalStateException("no README.md above " + here);
  }
}
