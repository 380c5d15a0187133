/* cl-file.h — reading and writing the files a user names: bounded reads
 * of regular files, atomic writes that never replace a device or a FIFO
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CL_FILE_ERROR (cl_file_error_quark ())
GQuark cl_file_error_quark (void);

typedef enum {
  CL_FILE_ERROR_NOT_REGULAR,   /* a folder, device, FIFO or socket where a file is read */
  CL_FILE_ERROR_TOO_LARGE,     /* over the size the reader allows */
  CL_FILE_ERROR_FULL,          /* the disk is full */
  CL_FILE_ERROR_FAILED,        /* the system refused: the message says why */
} ClFileError;

/* Reads the regular file at @path into a new NUL-terminated buffer, or
 * refuses it as TOO_LARGE when it is over @max_bytes: by its size, and
 * again while it is read, so a file that grows (or lies) costs no more
 * than the limit. Anything but a regular file is refused without waiting
 * (a FIFO with no writer, /dev/zero). Messages name the file by its
 * display name.
 *
 * Returns: (transfer full) (nullable): the bytes read, or NULL with @error */
char     *cl_file_read    (const char  *path,
                           gsize        max_bytes,
                           gsize       *out_length,
                           GError     **error);

/* Writes @length bytes of @data to @path, mode 0600 when it makes the
 * file. A regular file (or a new one, or one a symbolic link leads to) is
 * replaced atomically — a reader sees the old file or the new one, a kill
 * leaves the old one; anything else (a device, a FIFO, /dev/stdout) is
 * written in place, never replaced. A full disk says so and names the
 * folder. Messages start with "Could not write “PATH”". */
gboolean  cl_file_write   (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error);

/* Writes @data as the file @name in the folder @subfolder of @root (made,
 * 0700, when missing), atomically and 0600, following no symbolic link on
 * the way: a link planted as the subfolder or as the file is refused, so
 * nothing is written outside @root. */
gboolean  cl_file_write_below (const char  *root,
                               const char  *subfolder,
                               const char  *name,
                               const char  *data,
                               gsize        length,
                               GError     **error);

/* Removes the file @name from the folder @subfolder of @root, following
 * no symbolic link on the way; a file already gone is no error. */
gboolean  cl_file_remove_below (const char  *root,
                                const char  *subfolder,
                                const char  *name,
                                GError     **error);

/* The longest file name, in bytes, the file system of @folder takes for a
 * file cl_file_write_below () writes (its temporary name is longer). */
gsize     cl_file_name_max    (const char  *folder);

/* @text made safe as one file name on any system a team shares from: no
 * separators, no characters Windows shares refuse, no leading dot; an
 * empty name becomes "unnamed".
 *
 * Returns: (transfer full): the name */
char     *cl_file_safe_name   (const char  *text);

G_END_DECLS
