package com.javelo.scim.app;

import com.javelo.scim.app.cli.ScimCommand;
import com.javelo.scim.app.logging.Logging;

/** {@code java -jar javelo-scim.jar [serve|migrate|tenant …|token …]}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exit = ScimCommand.run(args);
        if (exit != ScimCommand.SERVING) {
            Logging.flush();
            System.exit(exit);
        }
    }
}
