/**
 * Temporary media (spec §9.1): the images, voices, videos and thumbs that accounts upload through
 * {@code /cgi-bin/media/upload} and people through {@code /api/v1/media}, to send in messages; kept three days, then
 * purged with their files. Permanent materials and articles will live here too.
 * <p>
 * Rules: files live under {@code OA_MEDIA_DIR}, rows in the database; an upload is streamed to disk, its format taken
 * from its first bytes and its size checked against its kind while it arrives, and a refused or broken upload leaves
 * neither file nor row. A media belongs to the account or the person that uploaded it; anybody else reads it only once
 * it was granted to them (the conversations component grants a follower's media to the account it was sent to, and
 * an account's media to the follower it was sent to, through {@link org.oaplatform.media.boundary.Media}). Every
 * refusal of a media id is 40007, so that an id reveals nothing about media the caller may not read, and an expired
 * media is gone on every path before the purge removes it. Other components check a media id with
 * {@code Media.requireUsableByAccount} / {@code requireUsableByPerson} before they send it.
 */
package org.oaplatform.media;
