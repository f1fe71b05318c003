/* The words of sgd's update= and order= options, in one place for all who
 * read or write them: the sgd command and its Tab completion, the workspace
 * file, and plot's table of runs. */
#ifndef LR_SGD_WORDS_H
#define LR_SGD_WORDS_H

/* NULL-ended, in the order of enum lr_sgd_update and enum lr_sgd_order
 * (lowrank/sgd.h): a word's index is its value. */
extern const char *const lr_sgd_update_words[];   /* sequential, simultaneous */
extern const char *const lr_sgd_order_words[];    /* rows, shuffled */

/* The index of word in the NULL-ended list words; -1 when word is NULL or
 * not in it. */
int lr_word_index(const char *word, const char *const *words);

#endif
