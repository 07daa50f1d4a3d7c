package org.habitatj.ij;

import ij.ImagePlus;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.scijava.ItemVisibility;
import org.scijava.module.ModuleItem;
import org.scijava.widget.FileWidget;

/**
 * One input of a SciJava command as the ImageJ 1.x bridge sees it: its macro key (snake_case of the
 * field name, see {@link MacroOptions#keyOf}), dialog label, kind and default value. Built from the
 * command's {@code @Parameter} fields, so each parameter is defined once, in the command.
 */
public final class CommandParameter {

  /** What widget and what value conversion a parameter gets. */
  public enum Kind {
    IMAGE, FILE, DIRECTORY, STRING, CHOICE, INTEGER, DECIMAL, BOOLEAN, MESSAGE
  }

  final String name;
  final String key;
  final String label;
  final String description;
  final Kind kind;
  final Class<?> type;
  final boolean required;
  final List<String> choices;
  final Object defaultValue;
  /** The declared range ({@code @Parameter(min, max)}), or NaN where none is declared. */
  final double min;
  final double max;

  CommandParameter(ModuleItem<?> item, Object defaultValue) {
    this.name = item.getName();
    this.key = MacroOptions.keyOf(name);
    this.type = item.getType();
    String l = item.getLabel();
    this.label = l == null || l.isBlank() ? labelOf(key) : l;
    this.description = item.getDescription() == null ? "" : item.getDescription();
    this.required = item.isRequired();
    this.defaultValue = defaultValue;
    this.min = item.getMinimumValue() instanceof Number n ? n.doubleValue() : Double.NaN;
    this.max = item.getMaximumValue() instanceof Number n ? n.doubleValue() : Double.NaN;
    this.choices = new ArrayList<>();
    if (item.getVisibility() == ItemVisibility.MESSAGE) {
      kind = Kind.MESSAGE;
    } else if (ImagePlus.class.isAssignableFrom(type)) {
      kind = Kind.IMAGE;
    } else if (File.class.equals(type)) {
      String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle();
      kind = style.contains(FileWidget.DIRECTORY_STYLE) ? Kind.DIRECTORY : Kind.FILE;
    } else if (type.isEnum()) {
      kind = Kind.CHOICE;
      for (Object c : type.getEnumConstants()) {
        choices.add(((Enum<?>) c).name());
      }
    } else if (String.class.equals(type) && item.getChoices() != null
        && !item.getChoices().isEmpty()) {
      kind = Kind.CHOICE;
      for (Object c : item.getChoices()) {
        choices.add(String.valueOf(c));
      }
    } else if (String.class.equals(type)) {
      kind = Kind.STRING;
    } else if (type == boolean.class || type == Boolean.class) {
      kind = Kind.BOOLEAN;
    } else if (type == int.class || type == Integer.class || type == long.class
        || type == Long.class || type == short.class || type == Short.class) {
      kind = Kind.INTEGER;
    } else if (type == double.class || type == Double.class || type == float.class
        || type == Float.class) {
      kind = Kind.DECIMAL;
    } else {
      throw new IllegalArgumentException(
          "parameter '" + name + "' of " + item.getInfo().getTitle() + " has type "
              + type.getName() + ", which the ImageJ 1.x bridge cannot ask for");
    }
  }

  /** The macro key, e.g. {@code mask_file}. */
  public String key() {
    return key;
  }

  /** The field name in the command class, e.g. {@code maskFile}. */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public String label() {
    return label;
  }

  public boolean isRequired() {
    return required;
  }

  public List<String> choices() {
    return choices;
  }

  /** The default as an option string value ("" when none). */
  String defaultString() {
    if (defaultValue == null) {
      return kind == Kind.BOOLEAN ? "false" : "";
    }
    if (defaultValue instanceof File f) {
      return f.getPath();
    }
    if (defaultValue instanceof Enum<?> e) {
      return e.name();
    }
    if (defaultValue instanceof Number num) {
      return MacroOptions.formatNumber(num.doubleValue());
    }
    if (defaultValue instanceof ImagePlus) {
      return "";
    }
    return String.valueOf(defaultValue);
  }

  private static String labelOf(String key) {
    String s = key.replace('_', ' ');
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
