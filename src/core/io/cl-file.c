/* cl-file.c — reading and writing the files a user names: bounded reads
 * of regular files, atomic writes that never replace a device or a FIFO
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cl-file"
/* sync_file_range () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cl-file.h"

/* read () in steps of at most this much, so a file growing while it is
 * read costs no more than the limit */
#define READ_STEP (1024 * 1024)

/* A file written piece by piece starts going to disk every this much, so
 * that the flush before it replaces its target waits for the last piece
 * only, not for the whole of a large backup. */
#define WRITEBACK_STEP (8 * 1024 * 1024)

/**
 * cl_file_error_quark:
 * Returns: the error domain of the cl_file functions, #ClFileError
 */
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

/**
 * cl_file_open_regular:
 * @path: the file, in the file name encoding
 * @out_size: (out) (optional): return location for its size as the file
 *   system gives it, a hint only: the file may grow while it is read
 * @error: return location for a #GError, or %NULL
 *
 * Opens the regular file at @path for reading. Anything but a regular
 * file is refused (%CL_FILE_ERROR_NOT_REGULAR) without waiting: a FIFO
 * with no writer, /dev/zero. Messages name the file by @path.
 *
 * Returns: the open file descriptor, for the caller to close, or -1 with
 *   @error set
 */
int
cl_file_open_regular (const char  *path,
                      guint64     *out_size,
                      GError     **error)
{
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  /* without waiting: a FIFO nobody writes to is refused, not read for ever */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return set_errno_error (error, _("Could not read “%s”"), path, errno), -1;
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      return set_errno_error (error, _("Could not read “%s”"), path, saved), -1;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR, _("Could not read “%s”: %s"), path,
                          kind_of_file (st.st_mode)), -1;
    }
  if (out_size != NULL)
    *out_size = (guint64) st.st_size;
  return fd;
}

/**
 * cl_file_read:
 * @path: the file, in the file name encoding
 * @max_bytes: the largest size read, in bytes
 * @out_length: (out): return location for the number of bytes read, without
 *   the NUL added
 * @error: return location for a #GError, or %NULL
 *
 * Reads the regular file at @path into a new NUL-terminated buffer, or refuses
 * it as %CL_FILE_ERROR_TOO_LARGE when it is over @max_bytes: by its size, and
 * again while it is read, so a file that grows (or lies) costs no more than
 * the limit. Anything else is refused as cl_file_open_regular () refuses it.
 * The size message names the file by its display name, the others by @path.
 *
 * Returns: (transfer full) (nullable): the bytes read, or %NULL with @error
 *   set
 */
char *
cl_file_read (const char  *path,
              gsize        max_bytes,
              gsize       *out_length,
              GError     **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  guint64 size = 0;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL && out_length != NULL, NULL);

  if ((fd = cl_file_open_regular (path, &size, error)) < 0)
    return NULL;
  if (size > max_bytes)
    {
      close (fd);
      return too_large (path, max_bytes, error);
    }
  /* the size is only a hint: the file may grow while it is read */
  bytes = g_byte_array_sized_new ((guint) size + 1);
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

/* Standard output has no folder to name, and no name. */
static gboolean
stdout_error (GError **error,
              int      saved_errno)
{
  return g_set_error (error, CL_FILE_ERROR, saved_errno == ENOSPC ? CL_FILE_ERROR_FULL : CL_FILE_ERROR_FAILED,
                      _("Could not write to standard output: %s"), g_strerror (saved_errno)), FALSE;
}

/**
 * cl_file_temporary_name:
 * @prefix: the start of the name, such as "backup.json."
 *
 * A name for g_mkstemp () that says whose it is: @prefix, this machine's
 * name, this process's id, then "XXXXXX" ("backup.json.HOST-PID-XXXXXX"),
 * so that cl_file_remove_abandoned () knows it again once the process is
 * gone.
 *
 * Returns: (transfer full): the name, without a folder
 */
char *
cl_file_temporary_name (const char *prefix)
{
  return g_strdup_printf ("%s%s-%ld-XXXXXX", prefix, g_get_host_name (), (long) getpid ());
}

/**
 * cl_file_remove_abandoned:
 * @folder: a folder
 * @prefix: as given to cl_file_temporary_name ()
 *
 * Removes the files of @folder that cl_file_temporary_name () named with
 * @prefix for a process of this machine that is gone (killed while it
 * wrote), and the files named after them (a workspace's -wal and -shm). A
 * process still running, another machine's (on a shared folder) and any
 * other file are left alone.
 */
void
cl_file_remove_abandoned (const char *folder,
                          const char *prefix)
{
  g_autofree char *ours = g_strdup_printf ("%s%s-", prefix, g_get_host_name ());
  g_autoptr (GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      const char *digits = name + strlen (ours);
      char *end = NULL;
      gint64 pid;

      if (!g_str_has_prefix (name, ours) || !g_ascii_isdigit (*digits))
        continue;
      pid = g_ascii_strtoll (digits, &end, 10);
      if (*end == '-' && pid > 0 && pid <= G_MAXINT && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          g_remove (path);
        }
    }
}

/* A file being written: a temporary file beside its target, renamed over
 * it when whole, or a device, FIFO or standard output written as it is. */
struct _ClFileOutput
{
  int   fd;
  char *shown;          /* the name messages give; NULL for standard output */
  char *temporary;      /* (nullable): renamed to @target when whole */
  char *target;
  gboolean to_stdout;
  off_t written;
  off_t written_back;   /* what was sent to disk so far, of @written */
};

/* A temporary file beside @target, to be flushed and renamed over it;
 * @target is never half-written and a failure leaves nothing behind. */
static ClFileOutput *
open_replacing (const char  *shown,
                const char  *target,
                GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  /* "name.HOST-PID-XXXXXX": a team folder never reads such a name */
  g_autofree char *prefix = g_strconcat (base, ".", NULL);
  g_autofree char *name = cl_file_temporary_name (prefix);
  g_autofree char *temporary = g_build_filename (folder, name, NULL);
  ClFileOutput *self;
  int fd;

  /* what a write of @target killed on the way left */
  cl_file_remove_abandoned (folder, prefix);
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0)
    return set_errno_error (error, _("Could not write “%s”"), shown, errno), NULL;
  self = g_new0 (ClFileOutput, 1);
  self->fd = fd;
  self->shown = g_strdup (shown);
  self->temporary = g_steal_pointer (&temporary);
  self->target = g_strdup (target);
  return self;
}

/* Devices, FIFOs and what /dev/stdout leads to are written as they are:
 * replacing them would put a regular file where the device was. */
static ClFileOutput *
open_in_place (const char  *path,
               GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_NOCTTY | O_CLOEXEC, 0600);
  struct stat st;
  ClFileOutput *self;

  if (fd < 0)
    return set_errno_error (error, _("Could not write “%s”"), path, errno), NULL;
  if (fstat (fd, &st) != 0 || (S_ISREG (st.st_mode) && ftruncate (fd, 0) != 0))
    {
      int saved = errno;

      close (fd);
      return set_errno_error (error, _("Could not write “%s”"), path, saved), NULL;
    }
  self = g_new0 (ClFileOutput, 1);
  self->fd = fd;
  self->shown = g_strdup (path);
  return self;
}

/* Links into /dev and /proc (/dev/stdout → /proc/self/fd/1 → the shell's
 * redirection) stand for a descriptor, not for the file they resolve to. */
static gboolean
is_special_path (const char *path)
{
  return g_str_has_prefix (path, "/dev/") || g_str_has_prefix (path, "/proc/");
}

/**
 * cl_file_output_open:
 * @path: (nullable): the file, in the file name encoding, or %NULL for
 *   standard output
 * @error: return location for a #GError, or %NULL
 *
 * Starts writing @path, as cl_file_write () writes it, for a document written
 * piece by piece with cl_file_output_write (): a regular file (or a new one,
 * or one a symbolic link outside /dev and /proc leads to) is written to a
 * temporary file beside it, 0600, which cl_file_output_close () flushes and
 * renames over it and cl_file_output_abort () removes. A folder is refused;
 * anything else (a device, a FIFO, /dev/stdout, and standard output) is
 * written in place, as the pieces come.
 *
 * Returns: (transfer full) (nullable): the output, to end with
 *   cl_file_output_close () or cl_file_output_abort (); %NULL with @error set
 */
ClFileOutput *
cl_file_output_open (const char  *path,
                     GError     **error)
{
  g_autofree char *resolved = NULL;
  struct stat st;
  ClFileOutput *self;

  if (path == NULL)
    {
      /* a copy, so that closing the output leaves standard output open */
      int fd = dup (STDOUT_FILENO);

      if (fd < 0)
        return stdout_error (error, errno), NULL;
      self = g_new0 (ClFileOutput, 1);
      self->fd = fd;
      self->to_stdout = TRUE;
      return self;
    }
  if (lstat (path, &st) != 0)
    {
      if (errno != ENOENT)
        return set_errno_error (error, _("Could not write “%s”"), path, errno), NULL;
      return open_replacing (path, path, error);
    }
  if (S_ISREG (st.st_mode))
    return open_replacing (path, path, error);
  if (S_ISDIR (st.st_mode))
    return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR, _("Could not write “%s”: %s"), path,
                        kind_of_file (st.st_mode)), NULL;
  if (S_ISLNK (st.st_mode) && !is_special_path (path) && (resolved = realpath (path, NULL)) != NULL
      && !is_special_path (resolved) && stat (resolved, &st) == 0 && S_ISREG (st.st_mode))
    return open_replacing (path, resolved, error);
  return open_in_place (path, error);
}

/**
 * cl_file_output_write:
 * @self: an output cl_file_output_open () started
 * @data: (array length=length) (element-type guint8): the bytes to write
 * @length: how many bytes of @data to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes @data after what was written before. A full disk says so and names
 * the folder (%CL_FILE_ERROR_FULL).
 *
 * Returns: %TRUE on success, %FALSE with @error set; the output is then
 *   ended with cl_file_output_abort ()
 */
gboolean
cl_file_output_write (ClFileOutput  *self,
                      const char    *data,
                      gsize          length,
                      GError       **error)
{
  if (write_all (self->fd, data, length))
    {
      self->written += length;
      if (self->temporary != NULL && self->written - self->written_back >= WRITEBACK_STEP)
        {
          /* only started: cl_file_output_close () waits for it */
          sync_file_range (self->fd, self->written_back, self->written - self->written_back,
                           SYNC_FILE_RANGE_WRITE);
          self->written_back = self->written;
        }
      return TRUE;
    }
  if (self->to_stdout)
    return stdout_error (error, errno);
  return set_errno_error (error, _("Could not write “%s”"), self->shown, errno);
}

static void
output_free (ClFileOutput *self)
{
  g_free (self->shown);
  g_free (self->temporary);
  g_free (self->target);
  g_free (self);
}

/**
 * cl_file_output_close:
 * @self: (transfer full): an output cl_file_output_open () started
 * @error: return location for a #GError, or %NULL
 *
 * Ends @self: a file written through a temporary one is flushed to disk and
 * renamed over its target, so a reader sees the old file or the whole new
 * one; when that fails the temporary file is removed and the old one stays.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_file_output_close (ClFileOutput  *self,
                      GError       **error)
{
  gboolean ok = self->temporary == NULL || fsync (self->fd) == 0;
  int saved = errno;

  if (close (self->fd) != 0 && ok)
    ok = FALSE, saved = errno;
  if (ok && self->temporary != NULL && rename (self->temporary, self->target) != 0)
    ok = FALSE, saved = errno;
  if (!ok && self->temporary != NULL)
    g_unlink (self->temporary);
  if (!ok && self->to_stdout)
    stdout_error (error, saved);
  else if (!ok)
    set_errno_error (error, _("Could not write “%s”"), self->shown, saved);
  output_free (self);
  return ok;
}

/**
 * cl_file_output_abort:
 * @self: (transfer full): an output cl_file_output_open () started
 *
 * Ends @self without finishing it: a temporary file is removed, so the file
 * it was to replace stays as it was. What was written in place (a device, a
 * FIFO, standard output) stays written.
 */
void
cl_file_output_abort (ClFileOutput *self)
{
  close (self->fd);
  if (self->temporary != NULL)
    g_unlink (self->temporary);
  output_free (self);
}

/**
 * cl_file_write:
 * @path: the file, in the file name encoding
 * @data: (array length=length) (element-type guint8): the bytes to write
 * @length: how many bytes of @data to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes @data to @path. A regular file (or a new one, or one a symbolic link
 * outside /dev and /proc leads to) is replaced atomically through a temporary
 * file beside it, flushed to disk: a reader sees the old file or the new one,
 * a kill leaves the old one, and the file is mode 0600 afterwards, also one
 * that existed. A folder is refused; anything else (a device, a FIFO,
 * /dev/stdout) is written in place, never replaced. A full disk says so and
 * names the folder (%CL_FILE_ERROR_FULL). Messages start with "Could not write
 * “PATH”".
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_file_write (const char  *path,
               const char  *data,
               gsize        length,
               GError     **error)
{
  ClFileOutput *output;

  g_return_val_if_fail (path != NULL && data != NULL, FALSE);

  if ((output = cl_file_output_open (path, error)) == NULL)
    return FALSE;
  if (!cl_file_output_write (output, data, length, error))
    {
      cl_file_output_abort (output);
      return FALSE;
    }
  return cl_file_output_close (output, error);
}

/* ------------------------------------------------------------------ below a folder */

/* What a temporary name adds to the file's: "." and six characters */
#define TEMPORARY_SUFFIX_LENGTH 7

/**
 * cl_file_name_max:
 * @folder: a folder
 *
 * The longest file name, in bytes, the file system of @folder takes for a file
 * cl_file_write_below () writes: its limit (255 when unknown) less what the
 * temporary name adds.
 *
 * Returns: the length, in bytes
 */
gsize
cl_file_name_max (const char *folder)
{
  long limit = pathconf (folder, _PC_NAME_MAX);

  return (limit > 0 ? (gsize) limit : 255) - TEMPORARY_SUFFIX_LENGTH;
}

/* @name in the folder @dir_fd, or a refusal when something other than a
 * regular file (a link, a folder) stands there. */
static gboolean
check_target (int          dir_fd,
              const char  *name,
              const char  *shown,
              GError     **error)
{
  struct stat st;

  if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errno == ENOENT || set_errno_error (error, _("Could not write “%s”"), shown, errno);
  if (S_ISLNK (st.st_mode))
    return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR,
                        _("Could not write “%s”: it is a symbolic link"), shown), FALSE;
  if (!S_ISREG (st.st_mode))
    return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR, _("Could not write “%s”: %s"), shown,
                        kind_of_file (st.st_mode)), FALSE;
  return TRUE;
}

/* A new temporary file beside @name in @dir_fd: its descriptor, its name. */
static int
create_temporary (int    dir_fd,
                  const char *name,
                  char **out_temporary)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *temporary = g_strdup_printf ("%s.%06x", name, g_random_int_range (0, 0x1000000));
      int fd = openat (dir_fd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

      if (fd >= 0)
        *out_temporary = g_steal_pointer (&temporary);
      if (fd >= 0 || errno != EEXIST)
        return fd;
    }
  errno = EEXIST;
  return -1;
}

/* The folder @subfolder of @root_fd, made when missing, never a link. */
static int
open_subfolder (int          root_fd,
                const char  *subfolder,
                const char  *shown,
                GError     **error)
{
  int fd;

  if (mkdirat (root_fd, subfolder, 0700) != 0 && errno != EEXIST)
    return set_errno_error (error, _("Could not create “%s”"), shown, errno), -1;
  fd = openat (root_fd, subfolder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && (errno == ELOOP || errno == ENOTDIR))
    return g_set_error (error, CL_FILE_ERROR, CL_FILE_ERROR_NOT_REGULAR,
                        _("Could not write in “%s”: it is not a folder but a link or a file"), shown), -1;
  if (fd < 0)
    return set_errno_error (error, _("Could not open “%s”"), shown, errno), -1;
  return fd;
}

/**
 * cl_file_write_below:
 * @root: a folder, which must exist
 * @subfolder: one folder name, without '/'
 * @name: the file's name, without '/'
 * @data: (array length=length) (element-type guint8): the bytes to write
 * @length: how many bytes of @data to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes @data as the file @name in the folder @subfolder of @root (made,
 * 0700, when missing), atomically and 0600, following no symbolic link below
 * @root: a link planted as the subfolder or as the file is refused
 * (%CL_FILE_ERROR_NOT_REGULAR), so nothing is written outside @root.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
cl_file_write_below (const char  *root,
                     const char  *subfolder,
                     const char  *name,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autofree char *shown_folder = g_build_filename (root, subfolder, NULL);
  g_autofree char *shown = g_build_filename (root, subfolder, name, NULL);
  g_autofree char *temporary = NULL;
  int root_fd, dir_fd, fd;
  gboolean ok = FALSE;
  int saved = 0;

  g_return_val_if_fail (strchr (subfolder, '/') == NULL && strchr (name, '/') == NULL, FALSE);

  root_fd = g_open (root, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (root_fd < 0)
    return set_errno_error (error, _("Could not open “%s”"), root, errno);
  dir_fd = open_subfolder (root_fd, subfolder, shown_folder, error);
  if (dir_fd >= 0 && check_target (dir_fd, name, shown, error))
    {
      fd = create_temporary (dir_fd, name, &temporary);
      saved = errno;
      if (fd >= 0)
        {
          gboolean written = write_all (fd, data, length) && fsync (fd) == 0;

          saved = errno;
          if (close (fd) != 0 && written)
            written = FALSE, saved = errno;
          ok = written && renameat (dir_fd, temporary, dir_fd, name) == 0;
          if (written && !ok)
            saved = errno;
          if (!ok)
            unlinkat (dir_fd, temporary, 0);
        }
      if (!ok)
        set_errno_error (error, _("Could not write “%s”"), shown, saved);
    }
  if (dir_fd >= 0)
    close (dir_fd);
  close (root_fd);
  return ok;
}

/**
 * cl_file_remove_below:
 * @root: a folder
 * @subfolder: one folder name, without '/'
 * @name: the file's name, without '/'
 * @error: return location for a #GError, or %NULL
 *
 * Removes the file @name from the folder @subfolder of @root, following no
 * symbolic link below @root.
 *
 * Returns: %TRUE when the file is gone, also when it, its folder or @root was
 *   missing already; %FALSE with @error set
 */
gboolean
cl_file_remove_below (const char  *root,
                      const char  *subfolder,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *shown = g_build_filename (root, subfolder, name, NULL);
  int root_fd, dir_fd = -1;
  gboolean ok;

  g_return_val_if_fail (strchr (subfolder, '/') == NULL && strchr (name, '/') == NULL, FALSE);

  root_fd = g_open (root, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (root_fd >= 0)
    dir_fd = openat (root_fd, subfolder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  /* no folder, or no file: nothing to remove */
  ok = dir_fd >= 0 ? unlinkat (dir_fd, name, 0) == 0 || errno == ENOENT : errno == ENOENT;
  if (!ok)
    set_errno_error (error, _("Could not remove “%s”"), shown, errno);
  if (dir_fd >= 0)
    close (dir_fd);
  if (root_fd >= 0)
    close (root_fd);
  return ok;
}

/* ------------------------------------------------------------------ names */

/**
 * cl_file_safe_name:
 * @text: UTF-8 text
 *
 * @text made safe as one file name on any system a team shares from: control
 *   characters and the characters Windows shares refuse (and '/') become '-',
 *   leading dots and spaces are dropped, and an empty name becomes "unnamed".
 *
 * Returns: (transfer full): the name
 */
char *
cl_file_safe_name (const char *text)
{
  GString *name = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c < 0x80 && strchr ("<>:\"/\\|?*", (int) c) != NULL))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }
  while (name->str[0] == '.' || name->str[0] == ' ')
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_append (name, "unnamed");
  return g_string_free (name, FALSE);
}
