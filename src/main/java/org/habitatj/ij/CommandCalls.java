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
}
