package org.habitatj.ij;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.habitatj.core.progress.CanceledException;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.ModuleItem;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;

/**
 * Runs HabitatJ SciJava commands from ImageJ 1.x, scripts and tests through one small SciJava
 * {@link Context} holding a {@link CommandService} (created on first use, then reused; about 0.25 s).
 * Plugins are discovered with the class loader that loaded HabitatJ, so the commands are found both
 * from Fiji's class path and from ImageJ 1.x's plugins folder.
 *
 * <p>Commands run without SciJava pre- and postprocessing ({@code process = false}): services are
 * injected when the module is created, every input is given by the caller, and the bridge displays
 * the outputs itself. So nothing else found on Fiji's class path (input harvesters, display
 * postprocessors, legacy hooks) can show a dialog or a second copy of an output, in Fiji or
 * headless.
 */
public final class CommandRunner {

  private static Context context;

  private CommandRunner() {}

  /** The shared context (created on first call). */
  public static synchronized Context context() {
    if (context == null) {
      ClassLoader cl = CommandRunner.class.getClassLoader();
      Thread t = Thread.currentThread();
      ClassLoader old = t.getContextClassLoader();
      t.setContextClassLoader(cl);
      try {
        context = new Context(List.of(CommandService.class),
            new PluginIndex(new DefaultPluginFinder(cl)));
        // errors thrown by a command reach the caller with their message (the bridge reports
        // them); SciJava's own stack-trace logging of them would only flood batch logs
        LogService log = context.getService(LogService.class);
        if (log != null) {
          log.setLevel(LogLevel.NONE);
        }
      } finally {
        t.setContextClassLoader(old);
      }
    }
    return context;
  }

  /**
   * Runs a command with the given inputs (field name to value) and returns its outputs (field name
   * to value, in declaration order).
   *
   * @throws CanceledException when the command or the user cancelled
   * @throws IllegalArgumentException and other runtime exceptions thrown by the command, unwrapped
   */
  public static Map<String, Object> run(Class<? extends Command> command,
      Map<String, Object> inputs) {
    Context ctx = context();
    Thread t = Thread.currentThread();
    ClassLoader old = t.getContextClassLoader();
    t.setContextClassLoader(CommandRunner.class.getClassLoader());
    try {
      CommandInfo info = new CommandInfo(command);
      CommandModule module = ctx.service(CommandService.class).run(info, false, inputs).get();
      if (module.isCanceled()) {
        String reason = module.getCancelReason();
        if (reason == null || reason.isBlank()) {
          throw new CanceledException();
        }
        throw new IllegalArgumentException(reason);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (ModuleItem<?> item : outputs(info)) {
        out.put(item.getName(), module.getOutput(item.getName()));
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CanceledException();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      // SciJava wraps what the command threw in RuntimeException("Module threw exception")
      while (c != null && c.getCause() != null && (c instanceof ExecutionException
          || "Module threw exception".equals(c.getMessage()))) {
        c = c.getCause();
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c == null ? e.getMessage() : c.toString(), c);
    } finally {
      t.setContextClassLoader(old);
    }
  }

  /** The declared outputs of a command (ItemIO.OUTPUT or BOTH), in declaration order. */
  static List<ModuleItem<?>> outputs(CommandInfo info) {
    List<ModuleItem<?>> list = new ArrayList<>();
    for (ModuleItem<?> item : info.outputs()) {
      list.add(item);
    }
    return list;
  }
}
