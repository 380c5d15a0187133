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

int       cl_file_open_regular (const char  *path,
                                guint64     *out_size,
                                GError     **error);

char     *cl_file_read    (const char  *path,
                           gsize        max_bytes,
                           gsize       *out_length,
                           GError     **error);

gboolean  cl_file_write   (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error);

char     *cl_file_temporary_name   (const char  *prefix);
void      cl_file_remove_abandoned (const char  *folder,
                                    const char  *prefix);

typedef struct _ClFileOutput ClFileOutput;

ClFileOutput *cl_file_output_open  (const char    *path,
                                    GError       **error);
gboolean      cl_file_output_write (ClFileOutput  *self,
                                    const char    *data,
                                    gsize          length,
                                    GError       **error);
gboolean      cl_file_output_close (ClFileOutput  *self,
                                    GError       **error);
void          cl_file_output_abort (ClFileOutput  *self);

gboolean  cl_file_write_below (const char  *root,
                               const char  *subfolder,
                               const char  *name,
                               const char  *data,
                               gsize        length,
                               GError     **error);

gboolean  cl_file_remove_below (const char  *root,
                                const char  *subfolder,
                                const char  *name,
                                GError     **error);

gsize     cl_file_name_max    (const char  *folder);

char     *cl_file_safe_name   (const char  *text);

G_END_DECLS
