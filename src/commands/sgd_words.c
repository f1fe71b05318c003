/* The words of sgd's options: see sgd_words.h. */
#include "sgd_words.h"

#include <string.h>
#include "lowrank/sgd.h"

const char *const lr_sgd_update_words[] = {
	[LR_SGD_SEQUENTIAL] = "sequential", [LR_SGD_SIMULTANEOUS] = "simultaneous", NULL
};
const char *const lr_sgd_order_words[] = {
	[LR_SGD_ROWS] = "rows", [LR_SGD_SHUFFLED] = "shuffled", NULL
};

int lr_word_index(const char *word, const char *const *words)
{
	for (int i = 0; word && words[i]; i++)
		if (!strcmp(word, words[i]))
			return i;
	return -1;
}
