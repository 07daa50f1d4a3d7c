package org.habitatj.ij;

import java.util.List;
import java.util.Map;
import org.scijava.command.Command;

/**
 * Runs a command from an option string plus inputs given as objects (e.g. images already loaded
 * by the command line), without showing anything.
 */
public final class CommandCalls {

  private CommandCalls() {}

  /**
   * Like {@link CommandBridge#runWithOptions}, then replaces the inputs named in {@code objects}
   * (field name to value, e.g. {@code "image"} to an ImagePlus) before running.
   *
   * @throws IllegalArgumentException for an unknown key or field, a bad value or an error of the
   *     command
   */
  public static Map<String, Object> run(Class<? extends Command> cls, String options,
      Map<String, Object> objects) {
    List<CommandParameter> params = CommandBridge.parameters(cls);
    Map<String, Object> in = CommandBridge.inputs(params, CommandBridge.resolve(params, options));
    for (Map.Entry<String, Object> e : objects.entrySet()) {
      if (!in.containsKey(e.getKey())) {
        throw new IllegalArgumentException(cls.getSimpleName() + " has no input '" + e.getKey()
            + "'");
      }
      in.put(e.getKey(), e.getValue());
    }
    return CommandRunner.run(cls, in);
  }

  /**
   * A new instance of a command with its inputs set from an option string (as a macro line would
   * set them: unknown keys and bad values refused, keys left out keep the command's defaults),
   * without running it: for callers that load the data themselves and call one of the command's
   * public methods (the command line's {@code pipeline}). Commands configured this way get no
   * SciJava services injected.
   *
   * @throws IllegalArgumentException for an unknown key or a bad value
   */
  public static <T extends Command> T configure(Class<T> cls, String options) {
    List<CommandParameter> params = CommandBridge.parameters(cls);
    Map<String, Object> in = CommandBridge.inputs(params, CommandBridge.resolve(params, options));
    T cmd;
    try {
      cmd = cls.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + cls.getName() + ": " + e, e);
    }
    for (Map.Entry<String, Object> e : in.entrySet()) {
      set(cmd, e.getKey(), e.getValue());
    }
    return cmd;
  }

  private static void set(Object cmd, String name, Object value) {
    for (Class<?> c = cmd.getClass(); c != null; c = c.getSuperclass()) {
      try {
        java.lang.reflect.Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        if (value != null || !f.getType().isPrimitive()) {
          f.set(cmd, value);
        }
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot set " + name + ": " + e, e);
      }
    }
    throw new IllegalArgumentException(cmd.getClass().getSimpleName() + " has no input '" + name
        + "'");
  }
}
