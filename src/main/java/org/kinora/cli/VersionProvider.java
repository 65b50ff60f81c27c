package org.kinora.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest; "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = KinoraCli.class.getPackage().getImplementationVersion();
        return new String[] {"Kinora " + (version != null ? version : "development build"),
                "JVM: ${java.version} (${java.vendor})", "OS: ${os.name} ${os.arch}"};
    }
}
