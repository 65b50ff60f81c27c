package org.kinora.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kinora.project.ProjectChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kinora check FILE.kinora}: lists every problem; exit 1 if there is any. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Validate a project and every photo and audio file it uses.")
final class CheckCommand implements Callable<Integer> {

    /** A screenful: a file with hundreds of problems is more likely the wrong file than hundreds of mistakes. */
    static final int MAX_LISTED = 40;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.kinora", description = "The project to check.")
    Path project;

    @Override
    public Integer call() {
        List<String> problems = ProjectChecker.check(project);
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println(project + ": OK");
            return KinoraCli.OK;
        }
        var err = spec.commandLine().getErr();
        problems.stream().limit(MAX_LISTED).forEach(p -> err.println("kinora: " + p));
        if (problems.size() > MAX_LISTED) {
            err.println("kinora: (and " + (problems.size() - MAX_LISTED) + " more problems)");
        }
        err.println("kinora: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + project);
        return KinoraCli.FAILED;
    }
}
