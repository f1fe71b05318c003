/* imread, imwrite, imshow, image, imagesc (imagefn.c). */
#ifndef LR_IMAGEFN_H
#define LR_IMAGEFN_H

#include "session_impl.h"

/* Returns 1 if the call names one of them (and it ran: 0 or -1 in *rc),
 * else 0. */
int lr_image_function(struct lr_session *s, const struct lr_node *n, int nargout,
                      struct lr_value **outs, int *rc);

#endif
