package org.habitatj.commands;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.scijava.Context;
import org.scijava.command.CommandService;

/** A SciJava context with a CommandService for the command tests of one class (headless). */
abstract class SciJavaCommandTestBase {
  static Context context;
  static CommandService cs;

  @BeforeAll
  static void startContext() {
    context = new Context(CommandService.class);
    cs = context.getService(CommandService.class);
  }

  @AfterAll
  static void stopContext() {
    context.dispose();
  }
}
