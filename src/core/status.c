/* Short English phrases for status codes; the language adds the position
 * and the details (shapes, values) around them. */
#include "lowrank/status.h"

const char *lr_status_str(enum lr_status st)
{
	switch (st) {
	case LR_OK:            return "success";
	case LR_ERR_NOMEM:     return "out of memory";
	case LR_ERR_SHAPE:     return "shapes do not agree";
	case LR_ERR_RANK:      return "rank out of range";
	case LR_ERR_ARG:       return "argument out of range";
	case LR_ERR_MASK:      return "the mask hides every entry or has the wrong shape";
	case LR_ERR_NONFINITE: return "infinite entry in the data";
	case LR_ERR_DIVERGED:  return "training diverged";
	case LR_ERR_LAPACK:    return "LAPACK failed";
	case LR_ERR_TOO_BIG:   return "exceeds the size limit";
	case LR_ERR_SINGULAR:  return "matrix singular to machine precision";
	case LR_ERR_STOPPED:   return "stopped";
	}
	/* An out-of-range value cast to the enum: still never NULL. */
	return "unknown status";
}
