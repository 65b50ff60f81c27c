package org.kinora.render.frame;

import org.kinora.image.PhotoCache;
import org.kinora.image.YuvPhoto;

/** What the cache holds for a slide: its photo at working resolution, and its blurred backdrop if any. */
record PreparedPhoto(YuvPhoto photo, YuvPhoto backdrop) implements PhotoCache.Sized {

    @Override
    public long bytes() {
        return photo.bytes() + (backdrop == null ? 0 : backdrop.bytes());
    }
}
