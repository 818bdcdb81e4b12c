package io.zgw.gateway.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RepoFiles finds files of the repository outside the module, whichever directory the
 * tests run in.
 */
public final class RepoFiles {

	private RepoFiles() {
	}

	/**
	 * Returns {@code relative} resolved against the nearest directory at or above the
	 * working directory that has it.
	 * @throws IllegalStateException when none has
	 */
	public static Path find(String relative) {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve(relative))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No " + relative + " above " + Path.of("").toAbsolutePath());
		}
		return dir.resolve(relative);
	}

}
