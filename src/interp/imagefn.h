/* imread, imwrite, imshow, image, imagesc (imagefn.c). */
#ifndef LR_IMAGEFN_H
#define LR_IMAGEFN_H

#include "session_impl.h"

/* Returns 1 if the call names one of them (and it ran: 0 or -1 in *rc),
 * else 0. */
int lr_image_function(struct lr_session *s, const struct lr_node *n, int nargout,
                      struct lr_value **outs, int *rc);

/* `view image` right after imread: shows the picture read last (as
 * imshow(I) would, I being the variable that holds it) when nothing has
 * been shown since it was read (no svd, sgd or imshow: lr_image_read_seen);
 * 1 if it did, 0 if there is no such picture, -1 after an error. */
int lr_image_show_read(struct lr_session *s, struct lr_pos pos);
/* Something was shown since the last imread (figure.c calls it). */
void lr_image_read_seen(struct lr_session *s);

#endif
