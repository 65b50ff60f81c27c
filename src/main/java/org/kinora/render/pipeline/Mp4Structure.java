package org.kinora.render.pipeline;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks that an MP4 is whole before it replaces anything: its top-level boxes follow each other
 * exactly to the end of the file, it starts with {@code ftyp}, and it has an index ({@code moov})
 * and media data ({@code mdat}). The last line of defence against an encoder or a disk that failed
 * without saying so: a truncated file breaks the chain, an unfinished one lacks its index.
 */
final class Mp4Structure {

    private Mp4Structure() {
    }

    /** What makes {@code file} incomplete, in words, or empty when it is whole. */
    static Optional<String> problem(Path file) throws IOException {
        long length = Files.size(file);
        if (length == 0) {
            return Optional.of("the file is empty");
        }
        boolean index = false;
        boolean media = false;
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            ByteBuffer header = ByteBuffer.allocate(16);
            long offset = 0;
            while (offset < length) {
                long left = length - offset;
                if (left < 8) {
                    return Optional.of("it ends inside a box header at byte " + offset + " (truncated)");
                }
                read(in, offset, header.clear().limit(8));
                long size = header.getInt(0) & 0xffffffffL;
                String type = typeOf(header);
                int headerSize = 8;
                if (size == 1) { // a 64-bit size follows the type
                    if (left < 16) {
                        return Optional.of("it ends inside a box header at byte " + offset + " (truncated)");
                    }
                    read(in, offset + 8, header.clear().limit(8));
                    size = header.getLong(0);
                    headerSize = 16;
                }
                if (offset == 0 && !type.equals("ftyp")) {
                    return Optional.of("it does not start with an MP4 header (ftyp)");
                }
                if (size == 0) { // "runs to the end": FFmpeg's placeholder until the trailer sets the size
                    return Optional.of("the '" + type + "' box at byte " + offset + " has no size (never finished)");
                }
                if (size < headerSize) {
                    return Optional.of("the '" + type + "' box at byte " + offset + " has an impossible size " + size);
                }
                if (size > left) {
                    return Optional.of("the '" + type + "' box at byte " + offset + " needs " + size
                            + " bytes but only " + left + " are left (truncated)");
                }
                index |= type.equals("moov");
                media |= type.equals("mdat") && size > headerSize;
                offset += size;
            }
        }
        if (!index) {
            return Optional.of("it has no index (moov box)");
        }
        if (!media) {
            return Optional.of("it has no media data (mdat box)");
        }
        return Optional.empty();
    }

    private static void read(SeekableByteChannel in, long position, ByteBuffer into) throws IOException {
        in.position(position);
        while (into.hasRemaining()) {
            if (in.read(into) < 0) {
                throw new EOFException("the file ended at byte " + in.position() + " while checking it");
            }
        }
    }

    /** The four-letter box type; anything unprintable as '?' so it can go in a message. */
    private static String typeOf(ByteBuffer header) {
        StringBuilder type = new StringBuilder(4);
        for (int i = 4; i < 8; i++) {
            int c = header.get(i) & 0xff;
            type.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return type.toString();
    }
}
