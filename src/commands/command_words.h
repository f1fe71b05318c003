/* Reading the words of a command (`sgd A 2 lr=0.02`): each word is an
 * expression evaluated in the session, checked for what the command needs,
 * and an error names the word at fault and what was expected. Shared by
 * the commands of commands.c and explore.c. */
#ifndef LR_COMMAND_WORDS_H
#define LR_COMMAND_WORDS_H

#include "factor.h"

/* The word as a real matrix in *out (the caller drops it); what names it in
 * the error ("the matrix to factorise must be a matrix, found a string"). */
int lr_word_matrix(struct lr_session *s, const struct lr_word *w, const char *what,
                   struct lr_val *out);
/* The word as a whole number in [lo, hi]. */
int lr_word_count(struct lr_session *s, const struct lr_word *w, const char *what,
                  double lo, double hi, double *out);
/* The word as one number. */
int lr_word_number(struct lr_session *s, const struct lr_word *w, const char *what,
                   double *out);
/* Between lo and hi words after the command's name, else an error at the
 * last word (too few) or the first extra one, with the usage. */
int lr_want_words(struct lr_session *s, const struct lr_stmt *st, size_t lo, size_t hi,
                  const char *usage);
/* How a matrix word is named in messages: its text if it is a name that
 * fits in n bytes, else "the matrix". */
void lr_word_name(const struct lr_word *w, char *buf, size_t n);
/* The rank word of `sgd A k` / `svd A k`: a whole number from 1 to
 * min(m, n), checked before any work with a message naming A's shape (aw is
 * A's word). Without a word (w NULL) the rank is min(m, n). */
int lr_rank_word(struct lr_session *s, const struct lr_word *w, const struct lr_word *aw,
                 const char *name, const struct lr_matrix *A, double *k);
/* The words after A of `svd A [k] [method=M]` and `explore`: *kw the rank
 * word (a first word without '='; NULL if none), *method from method=. */
int lr_svd_words(struct lr_session *s, const struct lr_stmt *st, const char *usage,
                 const struct lr_word **kw, enum lr_svd_method *method);

#endif
