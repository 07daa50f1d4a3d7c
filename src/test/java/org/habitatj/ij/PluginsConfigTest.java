package org.habitatj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;
import org.junit.jupiter.api.Test;

/**
 * Every HabitatJ command appears exactly once in the menus: plugins.config lists each command in
 * {@code org.habitatj.commands} once, through the generic bridge, with a unique label; the
 * SciJava annotation index (written only with {@code maven.compiler.proc=full}) lists every
 * command class; no command declares its own menuPath (which would make a second entry in Fiji).
 */
class PluginsConfigTest {

  static final Pattern LINE = Pattern.compile(
      "^\\s*([^,\"]+),\\s*\"([^\"]+)\",\\s*([\\w.$]+)(?:\\(\"([^\"]*)\"\\))?\\s*$");

  record Entry(String menu, String label, String plugin, String arg) {}

  static List<Entry> entries() throws IOException {
    List<Entry> list = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("plugins.config"))) {
      if (line.isBlank() || line.trim().startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), "malformed plugins.config line: " + line);
      list.add(new Entry(m.group(1).trim(), m.group(2), m.group(3), m.group(4)));
    }
    return list;
  }

  /** Command classes found by scanning target/classes/org/habitatj/commands. */
  static TreeSet<String> commandClassesOnDisk() throws Exception {
    TreeSet<String> set = new TreeSet<>();
    Path dir = Path.of("target", "classes", "org", "habitatj", "commands");
    if (!Files.isDirectory(dir)) {
      return set;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".class")).toList()) {
        String rel = Path.of("target", "classes").relativize(p).toString();
        String name = rel.substring(0, rel.length() - 6).replace('/', '.').replace('\\', '.');
        if (name.contains("$")) {
          continue;
        }
        Class<?> c = Class.forName(name);
        if (Command.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())
            && c.isAnnotationPresent(Plugin.class)) {
          set.add(name);
        }
      }
    }
    return set;
  }

  /** The commands in the SciJava annotation index (META-INF/json/org.scijava.plugin.Plugin). */
  static Map<String, JsonObject> indexedCommands() throws IOException {
    Map<String, JsonObject> map = new HashMap<>();
    Path index = Path.of("target", "classes", "META-INF", "json", "org.scijava.plugin.Plugin");
    if (!Files.exists(index)) {
      return map;
    }
    try (Reader r = Files.newBufferedReader(index)) {
      // the file is a sequence of JSON objects, not an array
      com.google.gson.stream.JsonReader jr = new com.google.gson.stream.JsonReader(r);
      jr.setLenient(true);
      while (jr.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
        JsonObject o = JsonParser.parseReader(jr).getAsJsonObject();
        String cls = o.get("class").getAsString();
        if (cls.startsWith("org.habitatj.commands.")) {
          map.put(cls, o.getAsJsonObject("values"));
        }
      }
    }
    return map;
  }

  @Test
  void everyLineUsesTheBridgeWithAnExistingCommandAndAUniqueLabel() throws Exception {
    TreeSet<String> labels = new TreeSet<>();
    TreeSet<String> commands = new TreeSet<>();
    for (Entry e : entries()) {
      if (!e.plugin().equals(CommandBridge.class.getName())) {
        // only plain ImageJ file plugins that are not operations (the File > Import opener and the
        // File > Save As saver)
        assertTrue(e.menu().equals("File>Import") || e.menu().equals("File>Save As"),
            "only File>Import and File>Save As may bypass the bridge: " + e);
        assertTrue(ij.plugin.PlugIn.class.isAssignableFrom(Class.forName(e.plugin())), e.toString());
        assertTrue(labels.add(e.label()), "duplicate menu label: " + e.label());
        continue;
      }
      assertTrue(e.menu().startsWith("Plugins>HabitatJ"), "menu outside Plugins>HabitatJ: " + e);
      assertNotNull(e.arg(), "no command class: " + e);
      assertTrue(labels.add(e.label()), "duplicate menu label: " + e.label());
      assertTrue(commands.add(e.arg()), "command listed twice: " + e.arg());
      Class<? extends Command> c = CommandBridge.commandClass(e.arg());
      // every parameter has a supported type and a unique key (parameters() throws otherwise)
      CommandBridge.parameters(c);
    }
  }

  @Test
  void everyCommandIsListedExactlyOnceAndIndexedWithoutMenuPath() throws Exception {
    TreeSet<String> onDisk = commandClassesOnDisk();
    Map<String, JsonObject> indexed = indexedCommands();
    TreeSet<String> listed = new TreeSet<>();
    for (Entry e : entries()) {
      if (e.arg() != null) {
        listed.add(e.arg());
      }
    }
    assertEquals(onDisk, listed, "plugins.config must list every command in org.habitatj.commands");
    assertEquals(onDisk, new TreeSet<>(indexed.keySet()),
        "SciJava annotation index out of date (maven.compiler.proc=full?)");
    for (Map.Entry<String, JsonObject> e : indexed.entrySet()) {
      assertFalse(e.getValue().has("menuPath"), e.getKey() + " declares a menuPath: "
          + "menus come from plugins.config only");
      assertFalse(e.getValue().has("menu"), e.getKey() + " declares a menu");
    }
  }

  @Test
  void theJarResourceIsTheSameFile() throws IOException {
    try (InputStream in = PluginsConfigTest.class.getResourceAsStream("/plugins.config")) {
      assertNotNull(in, "plugins.config is not packaged as a resource");
      String packaged = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines().reduce("", (a, b) -> a + b + "\n");
      assertEquals(Files.readString(Path.of("plugins.config")).strip(), packaged.strip());
    }
  }
}
