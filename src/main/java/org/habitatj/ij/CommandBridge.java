package org.habitatj.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import org.habitatj.core.progress.CanceledException;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

/**
 * The one ImageJ 1.x entry point for every HabitatJ command. A {@code plugins.config} line
 *
 * <pre>Plugins&gt;HabitatJ, "ROMA Index", org.habitatj.ij.CommandBridge("org.habitatj.commands.RomaCommand")</pre>
 *
 * puts the SciJava command in the menu of both Fiji and plain ImageJ 1.x, and makes {@code
 * run("ROMA Index", "key=value ...")} work in both. The parameters are the command's
 * {@code @Parameter} inputs; nothing is declared twice.
 *
 * <p><b>Macro keys</b>: the snake_case of the field name ({@link MacroOptions#keyOf}), e.g. field
 * {@code maskFile} has key {@code mask_file}. Keys are unique by construction; a key the command
 * does not have is an error (not silently ignored). A key left out takes the command's default
 * value (not the last dialog value), so a macro line gives the same result everywhere. Values:
 * numbers with a dot as decimal separator; booleans {@code true}/{@code false} (a bare key means
 * true); choices by name; images by window title (an empty required image means the current
 * image; a value naming an existing file is opened with {@code IJ.openImage}); files by path,
 * {@code []} for an empty optional file.
 *
 * <p><b>Interactive use</b> (no macro options): a dialog built from the parameters, remembering
 * the last values in {@link Prefs} ({@code habitatj.<Command>.<key>}). The recorder gets every
 * parameter, with empty optional values written out ({@code mask_file=[]}), so a recorded line
 * replays without a dialog (case C19). Headless, no dialog is built: all values must come from
 * the options (case C20).
 *
 * <p><b>Outputs</b>: images are shown (in batch mode they become batch-mode images, headless they
 * are only returned), tables go to a ResultsTable window titled with the output's label (an output
 * named {@code results} goes to "Results", so {@code saveAs("Results", path)} works), other values are
 * logged when the command gives no table (else only a {@code summary}/{@code provenance} message).
 */
public class CommandBridge implements PlugIn {

  private static final String PREFS = "habitatj.";

  @Override
  public void run(String arg) {
    Class<? extends Command> cls;
    try {
      cls = commandClass(arg);
    } catch (IllegalArgumentException e) {
      fail("HabitatJ", e.getMessage());
      return;
    }
    String title = title(cls);
    lastError = "";
    try {
      List<CommandParameter> params = parameters(cls);
      String options = Macro.getOptions();
      if (options == null && noDialogs()) {
        // run("X", "") from a batch/headless macro: ImageJ passes null options; a dialog would
        // wait for a user who is not there, so this is a macro call with no options
        options = "";
      }
      Map<String, String> values;
      if (options != null) {
        values = resolve(params, options);
        checkRequired(params, values);
      } else {
        values = showDialog(cls, title, params);
        if (values == null) {
          return;
        }
        record(params, values);
      }
      IJ.resetEscape();
      Map<String, Object> outputs = CommandRunner.run(cls, inputs(params, values));
      show(cls, outputs);
    } catch (CanceledException e) {
      IJ.showStatus(title + ": cancelled");
      IJ.showProgress(1.0);
      Interpreter interp = Interpreter.getInstance();
      if (interp != null) {
        interp.abort(title + ": cancelled");
      }
    } catch (RuntimeException e) {
      IJ.showProgress(1.0);
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      if (!(e instanceof IllegalArgumentException)) {
        // not a user error: keep the stack trace for the bug report
        java.io.StringWriter sw = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(sw));
        IJ.log(sw.toString());
      }
      fail(title, msg);
    }
  }

  /**
   * Runs a command as a macro line would, without showing anything: resolves the option string,
   * converts the values and returns the command's outputs. For scripts, batch code and tests.
   *
   * @throws IllegalArgumentException for an unknown key, a bad value or an error of the command
   */
  public static Map<String, Object> runWithOptions(Class<? extends Command> cls, String options) {
    List<CommandParameter> params = parameters(cls);
    Map<String, String> values = resolve(params, options);
    checkRequired(params, values);
    return CommandRunner.run(cls, inputs(params, values));
  }

  /** Loads the command class named in a plugins.config argument. */
  @SuppressWarnings("unchecked")
  static Class<? extends Command> commandClass(String className) {
    if (className == null || className.isBlank()) {
      throw new IllegalArgumentException("plugins.config line gives no command class");
    }
    try {
      Class<?> c = Class.forName(className.trim(), true, CommandBridge.class.getClassLoader());
      if (!Command.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException(className + " is not a SciJava Command");
      }
      return (Class<? extends Command>) c;
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("command class not found: " + className);
    }
  }

  /** The parameters (inputs) of a command in declaration order, with defaults from a new instance. */
  public static List<CommandParameter> parameters(Class<? extends Command> cls) {
    CommandInfo info = new CommandInfo(cls);
    Object instance;
    try {
      instance = cls.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot create " + cls.getName() + ": " + e);
    }
    List<CommandParameter> list = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (ModuleItem<?> item : info.inputs()) {
      if (org.scijava.service.Service.class.isAssignableFrom(item.getType())
          || org.scijava.Context.class.isAssignableFrom(item.getType())) {
        continue; // injected by the context, not asked for
      }
      CommandParameter p = new CommandParameter(item, fieldValue(cls, instance, item.getName()));
      if (p.kind != CommandParameter.Kind.MESSAGE) {
        String prev = seen.put(p.key, p.name);
        if (prev != null) {
          throw new IllegalArgumentException(cls.getSimpleName() + ": fields '" + prev + "' and '"
              + p.name + "' both give the macro key '" + p.key + "'");
        }
      }
      list.add(p);
    }
    return list;
  }

  /**
   * Resolves an option string against the parameters: every key must be known; keys left out take
   * the command's default. Returns key to value string for every non-message parameter, in order.
   */
  public static Map<String, String> resolve(List<CommandParameter> params, String options) {
    Map<String, String> given = MacroOptions.parse(options);
    Map<String, String> out = new LinkedHashMap<>();
    for (CommandParameter p : params) {
      if (p.kind != CommandParameter.Kind.MESSAGE) {
        String v = given.remove(p.key);
        out.put(p.key, v != null ? v : p.defaultString());
      }
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("unknown macro key(s) " + MacroOptions.list(given.keySet())
          + "; valid keys: " + keyList(params));
    }
    return out;
  }

  /**
   * True where no dialog may be shown: headless, batch mode, or a macro run without an ImageJ
   * window ({@code ImageJ -batch}). In the interactive GUI (even from a macro) dialogs are fine.
   */
  static boolean noDialogs() {
    return GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode()
        || (IJ.getInstance() == null && IJ.isMacro());
  }

  /**
   * Fails, listing every missing key, when a required parameter without a default got no value:
   * a required file or folder left empty, or a required image left empty while no image is
   * open (an empty required image means the current image).
   *
   * @throws IllegalArgumentException naming the missing keys and their labels
   */
  static void checkRequired(List<CommandParameter> params, Map<String, String> values) {
    List<String> missing = new ArrayList<>();
    for (CommandParameter p : params) {
      if (p.kind == CommandParameter.Kind.MESSAGE || !p.required) {
        continue;
      }
      String v = values.get(p.key);
      boolean empty = v == null || v.trim().isEmpty();
      boolean miss = switch (p.kind) {
        case FILE, DIRECTORY -> empty;
        case IMAGE -> (empty || v.trim().equals(NONE)) && WindowManager.getCurrentImage() == null;
        default -> false;
      };
      if (miss) {
        missing.add(p.key + " (" + p.label + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing required macro key(s): "
          + String.join(", ", missing) + "; give each as key=value in the options string"
          + " (an image by its window title, or open it first to use the current image)");
    }
  }

  /** Converts resolved option values into the command's typed inputs (field name to value). */
  static Map<String, Object> inputs(List<CommandParameter> params, Map<String, String> values) {
    Map<String, Object> in = new LinkedHashMap<>();
    for (CommandParameter p : params) {
      if (p.kind == CommandParameter.Kind.MESSAGE) {
        continue;
      }
      String v = values.get(p.key).trim();
      in.put(p.name, convert(p, v));
    }
    return in;
  }

  private static Object convert(CommandParameter p, String v) {
    String where = "'" + p.key + "'";
    switch (p.kind) {
      case IMAGE:
        return image(p, v);
      case FILE:
      case DIRECTORY:
        if (v.isEmpty()) {
          if (p.required) {
            throw new IllegalArgumentException(where + " needs a " + (p.kind
                == CommandParameter.Kind.FILE ? "file" : "folder") + " path (" + p.label + ")");
          }
          return null;
        }
        return new File(v);
      case STRING:
        return v;
      case CHOICE:
        if (p.choices.contains(ImageInputs.LABEL_IMAGE)) {
          v = ImageInputs.canonicalSource(v); // mask_source=[mask image], as the key mask_image
        }
        for (String c : p.choices) {
          if (c.equalsIgnoreCase(v)) {
            if (p.type.isEnum()) {
              for (Object e : p.type.getEnumConstants()) {
                if (((Enum<?>) e).name().equals(c)) {
                  return e;
                }
              }
            }
            return c;
          }
        }
        throw new IllegalArgumentException(
            where + " = '" + v + "' is not one of: " + String.join(", ", p.choices));
      case BOOLEAN:
        if (v.equalsIgnoreCase("true") || v.isEmpty()) {
          return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw new IllegalArgumentException(where + " = '" + v + "' must be true or false");
      case INTEGER:
      case DECIMAL:
        return number(p, v);
      default:
        throw new IllegalStateException(p.kind.toString());
    }
  }

  private static Object number(CommandParameter p, String v) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + p.key + "' = '" + v + "' is not a number");
    }
    // the dialog's range holds for macros too
    if (d < p.min || d > p.max) {
      throw new IllegalArgumentException("'" + p.key + "' = " + v + " is outside the range of "
          + p.label + ": " + (Double.isNaN(p.min) ? "" : "at least " + MacroOptions.formatNumber(p.min))
          + (Double.isNaN(p.min) || Double.isNaN(p.max) ? "" : " and ")
          + (Double.isNaN(p.max) ? "" : "at most " + MacroOptions.formatNumber(p.max)));
    }
    Class<?> t = p.type;
    if (p.kind == CommandParameter.Kind.INTEGER) {
      if (d != Math.rint(d)) {
        throw new IllegalArgumentException("'" + p.key + "' = '" + v + "' must be an integer");
      }
      if (t == long.class || t == Long.class) {
        return (long) d;
      }
      if (t == short.class || t == Short.class) {
        return (short) d;
      }
      return (int) d;
    }
    return (t == float.class || t == Float.class) ? (Object) (float) d : (Object) d;
  }

  private static ImagePlus image(CommandParameter p, String v) {
    if (v.isEmpty() || v.equals(NONE)) {
      if (!p.required) {
        return null;
      }
      ImagePlus cur = WindowManager.getCurrentImage();
      if (cur == null) {
        throw new IllegalArgumentException("'" + p.key + "': no image is open (" + p.label + ")");
      }
      return cur;
    }
    ImagePlus imp = WindowManager.getImage(v);
    if (imp == null && new File(v).isFile()) {
      imp = IJ.openImage(v);
    }
    if (imp == null) {
      throw new IllegalArgumentException(
          "'" + p.key + "': no open image titled '" + v + "' (" + p.label + ")");
    }
    return imp;
  }

  private static final String NONE = "-- none --";

  /** Shows the dialog; returns the values (key to string) or null when cancelled. */
  private static Map<String, String> showDialog(Class<?> cls, String title,
      List<CommandParameter> params) {
    GenericDialog gd = new GenericDialog(title);
    StringBuilder help = new StringBuilder("<html><b>" + title + "</b><br>Macro keys:<ul>");
    for (CommandParameter p : params) {
      String def = Prefs.get(PREFS + cls.getSimpleName() + "." + p.key, p.defaultString());
      switch (p.kind) {
        case MESSAGE -> gd.addMessage(p.defaultString().isEmpty() ? p.label : p.defaultString());
        case IMAGE -> {
          List<String> titles = new ArrayList<>();
          if (!p.required) {
            titles.add(NONE);
          }
          int[] ids = WindowManager.getIDList();
          for (int id : ids == null ? new int[0] : ids) {
            titles.add(WindowManager.getImage(id).getTitle());
          }
          if (titles.isEmpty()) {
            throw new IllegalArgumentException(p.label + ": no image is open");
          }
          ImagePlus cur = WindowManager.getCurrentImage();
          // the main image input ("image") defaults to the current image even when optional
          boolean useCurrent = cur != null && (p.required || p.key.equals("image"));
          String sel = titles.contains(def) && !def.isEmpty() ? def
              : (useCurrent ? cur.getTitle() : titles.get(0));
          gd.addChoice(p.label, titles.toArray(new String[0]), sel);
        }
        case FILE -> gd.addFileField(p.label, def, 30);
        case DIRECTORY -> gd.addDirectoryField(p.label, def, 30);
        case STRING -> gd.addStringField(p.label, def, 30);
        case CHOICE -> gd.addChoice(p.label, p.choices.toArray(new String[0]),
            p.choices.contains(def) ? def : p.defaultString());
        case BOOLEAN -> gd.addCheckbox(p.label, Boolean.parseBoolean(def));
        case INTEGER -> gd.addNumericField(p.label, parseOr(def, 0), 0);
        case DECIMAL -> gd.addNumericField(p.label, parseOr(def, 0), 4, 8, null);
        default -> throw new IllegalStateException();
      }
      if (p.kind != CommandParameter.Kind.MESSAGE) {
        help.append("<li><tt>").append(p.key).append("</tt>: ").append(p.label)
            .append(p.description.isEmpty() ? "" : " &ndash; " + p.description).append("</li>");
      }
    }
    gd.addHelp(help.append("</ul></html>").toString());
    gd.showDialog();
    if (gd.wasCanceled()) {
      return null;
    }
    Vector<?> nums = gd.getNumericFields();
    Vector<?> strs = gd.getStringFields();
    Vector<?> chs = gd.getChoices();
    Vector<?> cbs = gd.getCheckboxes();
    int ni = 0;
    int si = 0;
    int ci = 0;
    int bi = 0;
    Map<String, String> values = new LinkedHashMap<>();
    for (CommandParameter p : params) {
      String v;
      switch (p.kind) {
        case MESSAGE -> {
          continue;
        }
        case IMAGE, CHOICE -> v = ((Choice) chs.get(ci++)).getSelectedItem();
        case FILE, DIRECTORY, STRING -> v = ((TextField) strs.get(si++)).getText().trim();
        case BOOLEAN -> v = Boolean.toString(((Checkbox) cbs.get(bi++)).getState());
        default -> v = ((TextField) nums.get(ni++)).getText().trim();
      }
      if (p.kind == CommandParameter.Kind.IMAGE && NONE.equals(v)) {
        v = "";
      }
      values.put(p.key, v);
      Prefs.set(PREFS + cls.getSimpleName() + "." + p.key, v);
    }
    return values;
  }

  private static double parseOr(String s, double fallback) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * The option string the recorder gets for these values: every parameter, in declaration order,
   * empty values as {@code []}. Equal to {@link MacroOptions#format} of the values.
   */
  public static String recordedOptions(Map<String, String> values) {
    return MacroOptions.format(values);
  }

  /** Sends every value to the macro recorder (when it is recording). */
  public static void record(List<CommandParameter> params, Map<String, String> values) {
    if (!Recorder.record) {
      return;
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      String v = e.getValue();
      if (v.isEmpty()) {
        Recorder.recordOption(e.getKey() + "=[]");
      } else {
        Recorder.recordOption(e.getKey(), v);
      }
    }
  }

  /** Outputs that are messages for the user: logged even when the command gives a table. */
  static final java.util.Set<String> MESSAGE_OUTPUTS = java.util.Set.of("summary", "provenance");

  /**
   * Shows the outputs: images, tables; the other values are logged when the command gives no
   * table, otherwise (their values are in the table, macro-visible through getResult) only the
   * message outputs ({@link #MESSAGE_OUTPUTS}) are logged.
   */
  static void show(Class<?> cls, Map<String, Object> outputs) {
    boolean headless = GraphicsEnvironment.isHeadless();
    boolean hasTable = outputs.values().stream().anyMatch(v -> v instanceof ResultsTable);
    for (Map.Entry<String, Object> e : outputs.entrySet()) {
      Object v = e.getValue();
      String name = e.getKey();
      if (v == null) {
        continue;
      }
      if (v instanceof ImagePlus imp) {
        if (!headless && imp.getProcessor() != null) {
          imp.show();
        }
      } else if (v instanceof ResultsTable rt) {
        String t = tableTitle(cls, name, rt.getTitle());
        if (t.equals("Results")) {
          // the system table, so nResults/getResult/saveAs("Results") see it even when no
          // Results window can be shown (batch or headless ImageJ)
          ij.plugin.filter.Analyzer.setResultsTable(rt);
        }
        if (!headless) {
          rt.show(t);
        }
      } else if (!hasTable || MESSAGE_OUTPUTS.contains(name)) {
        IJ.log(name + ": " + v);
      }
    }
  }

  /**
   * Window title of an output table: the table's own title if it has one; else "Results" for an
   * output named {@code results} (ImageJ's system table); else the output's {@code @Parameter}
   * label ("LASSO path" for the field {@code lassoPath}); else the output's name.
   */
  static String tableTitle(Class<?> cls, String name, String own) {
    if (own != null && !own.isBlank()) {
      return own;
    }
    if (name.equals("results")) {
      return "Results";
    }
    String label = outputLabel(cls, name);
    return label == null ? name : label;
  }

  /** The {@code @Parameter} label of a command field (searching superclasses), or null. */
  private static String outputLabel(Class<?> cls, String name) {
    for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
      try {
        org.scijava.plugin.Parameter a =
            c.getDeclaredField(name).getAnnotation(org.scijava.plugin.Parameter.class);
        return a == null || a.label().isBlank() ? null : a.label().trim();
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }

  static String keyList(List<CommandParameter> params) {
    List<String> keys = new ArrayList<>();
    for (CommandParameter p : params) {
      if (p.kind != CommandParameter.Kind.MESSAGE) {
        keys.add(p.key);
      }
    }
    return String.join(", ", keys);
  }

  /** The command's title: its {@code @Plugin(label)} or its class name without "Command". */
  static String title(Class<?> cls) {
    org.scijava.plugin.Plugin a = cls.getAnnotation(org.scijava.plugin.Plugin.class);
    if (a != null && !a.label().isBlank()) {
      return a.label();
    }
    String s = cls.getSimpleName().replaceAll("Command$", "");
    return s.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
  }

  private static Object fieldValue(Class<?> cls, Object instance, String name) {
    for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(instance);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        return null;
      }
    }
    return null;
  }

  private static volatile String lastError = "";
  private static volatile boolean continueOnError;

  /**
   * The error message of the last HabitatJ command run through the bridge, or "" when it
   * succeeded. Macro: {@code err = call("org.habitatj.ij.CommandBridge.lastError");}
   */
  public static String lastError() {
    return lastError;
  }

  /**
   * Batch macros: {@code call("org.habitatj.ij.CommandBridge.continueOnError", "true")} makes a
   * failing command log its error and set {@link #lastError()} instead of aborting the macro, so
   * a batch can write an error row for that case and go on (case C04). Returns "" (a bare
   * {@code call(...)} statement prints its non-empty return value in ImageJ).
   */
  public static String continueOnError(String on) {
    continueOnError = Boolean.parseBoolean(on == null ? "false" : on.trim());
    // "" so that a bare call(...) statement prints nothing (ImageJ logs a non-empty return value
    // of a call() used as a statement)
    return "";
  }

  /**
   * Reports an error, logged once ({@code <title> error: msg}; in {@code ImageJ -batch} the Log
   * is stdout). In a macro the macro is then aborted, quietly where no dialog can be shown (batch
   * mode, no ImageJ window, headless) or with ImageJ's macro error dialog in the interactive GUI;
   * with {@link #continueOnError} set the message is only logged and kept in {@link
   * #lastError()}. Outside a macro, in the GUI: also an error dialog. Used by every
   * HabitatJ ImageJ 1.x entry point (commands, opener, saver).
   */
  static void reportError(String title, String msg) {
    lastError = msg;
    String line = title + " error: " + msg;
    Interpreter interp = Interpreter.getInstance();
    boolean macro = interp != null || IJ.isMacro();
    if (macro) {
      if (continueOnError) {
        IJ.log(line);
        return;
      }
      IJ.log(line);
      if (noDialogs() || interp == null) {
        Interpreter.abort();
      } else {
        interp.abort(title + ": " + msg); // the macro error dialog of the GUI
      }
    } else {
      IJ.log(line);
      if (!GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode()) {
        IJ.error(title, msg);
      }
    }
  }

  /** Clears {@link #lastError()} before an entry point runs. */
  static void clearError() {
    lastError = "";
  }

  private static void fail(String title, String msg) {
    reportError(title, msg);
  }
}
