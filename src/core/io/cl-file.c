/* cl-file.c — reading and writing the files a user names: bounded reads
 * of regular files, atomic writes that never replace a device or a FIFO
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cl-file.h"

/* read () in steps of at most this much, so a file growing while it is
 * read costs no more than the limit */
#define READ_STEP (1024 * 1024)

G_DEFINE_QUARK (cl-file-error-quark, cl_file_error)

/* ------------------------------------------------------------------ errors */

static gboolean
set_errno_error (GError     **error,
                 const char  *verb_format,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *doing = g_strdup_printf (verb_format, path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      /* Translators: "Could not write “/a/b.json”", then the folder */
      return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_FULL, _("%s: the disk holding “%s” is full"), doing,
                          folder), FALSE;
    }
  return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_FAILED, "%s: %s", doing, g_strerror (saved_errno)), FALSE;
}

static const char *
kind_of_file (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("it is a folder");
  if (S_ISFIFO (mode))
    return _("it is a pipe");
  if (S_ISSOCK (mode))
    return _("it is a socket");
  return _("it is a device");
}

/* ------------------------------------------------------------------ reading */

/* Reads @fd to its end or to @limit bytes, whichever comes first. */
static gboolean
read_up_to (int           fd,
            gsize         limit,
            GByteArray   *bytes,
            const char   *path,
            GError      **error)
{
  while (bytes->len < limit)
    {
      gsize start = bytes->len;
      gsize step = MIN (limit - start, READ_STEP);
      ssize_t n;

      g_byte_array_set_size (bytes, start + step);
      n = read (fd, bytes->data + start, step);
      g_byte_array_set_size (bytes, start + MAX (n, 0));
      if (n == 0)
        break;
      if (n < 0 && errno != EINTR)
        return set_errno_error (error, _("Could not read “%s”"), path, errno);
    }
  return TRUE;
}

static char *
too_large (const char  *path,
           gsize        max_bytes,
           GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *limit = g_format_size (max_bytes);

  /* Translators: a file's name, then a size such as "16.8 MB" */
  g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_TOO_LARGE,
               _("%s is over %s, the largest file of its kind Closeloop reads"), name, limit);
  return NULL;
}

char *
cl_file_read (const char  *path,
              gsize        max_bytes,
              gsize       *out_length,
              GError     **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  struct stat st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL && out_length != NULL, NULL);

  /* without waiting: a FIFO nobody writes to is refused, not read for ever */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return set_errno_error (error, _("Could not read “%s”"), path, errno), NULL;
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      return set_errno_error (error, _("Could not read “%s”"), path, saved), NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR, _("Could not read “%s”: %s"), path,
                          kind_of_file (st.st_mode)), NULL;
    }
  if ((guint64) st.st_size > max_bytes)
    {
      close (fd);
      return too_large (path, max_bytes, error);
    }
  /* the size is only a hint: the file may grow while it is read */
  bytes = g_byte_array_sized_new ((guint) st.st_size + 1);
  ok = read_up_to (fd, max_bytes + 1, bytes, path, error);
  close (fd);
  if (!ok)
    return NULL;
  if (bytes->len > max_bytes)
    return too_large (path, max_bytes, error);
  *out_length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* ------------------------------------------------------------------ writing */

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* A temporary file beside @target, written, flushed and renamed over it;
 * @target is never half-written and a failure leaves nothing behind. */
static gboolean
write_replacing (const char  *shown,
                 const char  *target,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  /* "name.XXXXXX": a team folder never reads such a name */
  g_autofree char *temporary = g_strconcat (target, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  int saved;

  if (fd < 0)
    return set_errno_error (error, _("Could not write “%s”"), shown, errno);
  if (write_all (fd, data, length) && fsync (fd) == 0)
    {
      if (close (fd) == 0 && rename (temporary, target) == 0)
        return TRUE;
      saved = errno;
    }
  else
    {
      saved = errno;
      close (fd);
    }
  g_unlink (temporary);
  return set_errno_error (error, _("Could not write “%s”"), shown, saved);
}

/* Devices, FIFOs and what /dev/stdout leads to are written as they are:
 * replacing them would put a regular file where the device was. */
static gboolean
write_in_place (const char  *path,
                const char  *data,
                gsize        length,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_NOCTTY | O_CLOEXEC, 0600);
  struct stat st;
  gboolean ok;
  int saved;

  if (fd < 0)
    return set_errno_error (error, _("Could not write “%s”"), path, errno);
  ok = fstat (fd, &st) == 0 && (!S_ISREG (st.st_mode) || ftruncate (fd, 0) == 0) && write_all (fd, data, length);
  saved = errno;
  if (close (fd) != 0 && ok)
    ok = FALSE, saved = errno;
  return ok || set_errno_error (error, _("Could not write “%s”"), path, saved);
}

/* Links into /dev and /proc (/dev/stdout → /proc/self/fd/1 → the shell's
 * redirection) stand for a descriptor, not for the file they resolve to. */
static gboolean
is_special_path (const char *path)
{
  return g_str_has_prefix (path, "/dev/") || g_str_has_prefix (path, "/proc/");
}

gboolean
cl_file_write (const char  *path,
               const char  *data,
               gsize        length,
               GError     **error)
{
  g_autofree char *resolved = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL && data != NULL, FALSE);

  if (lstat (path, &st) != 0)
    {
      if (errno != ENOENT)
        return set_errno_error (error, _("Could not write “%s”"), path, errno);
      return write_replacing (path, path, data, length, error);
    }
  if (S_ISREG (st.st_mode))
    return write_replacing (path, path, data, length, error);
  if (S_ISDIR (st.st_mode))
    return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR, _("Could not write “%s”: %s"), path,
                        kind_of_file (st.st_mode)), FALSE;
  if (S_ISLNK (st.st_mode) && !is_special_path (path) && (resolved = realpath (path, NULL)) != NULL
      && !is_special_path (resolved) && stat (resolved, &st) == 0 && S_ISREG (st.st_mode))
    return write_replacing (path, resolved, data, length, error);
  return write_in_place (path, data, length, error);
}
