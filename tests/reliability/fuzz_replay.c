/* Replays inputs through the fuzz target without libFuzzer: every file named
 * on the command line, or every file in a directory named there. Used as a
 * normal test over tests/reliability/regress (every crash the fuzzer ever
 * found) and the seed scripts. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	char *path, *data;
	size_t size;
};

static struct input *inputs;
static size_t ninputs, cap;

static void add_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct input in = { strdup(path), NULL, 0 };
	size_t got, room = 0;

	if (!f) {
		perror(path);
		exit(2);
	}
	do {
		if (in.size + 4096 > room) {
			room = (in.size + 4096) * 2;
			in.data = realloc(in.data, room);
		}
		got = fread(in.data + in.size, 1, room - in.size, f);
		in.size += got;
	} while (got > 0);
	fclose(f);
	if (ninputs == cap) {
		cap = cap ? cap * 2 : 64;
		inputs = realloc(inputs, cap * sizeof *inputs);
	}
	inputs[ninputs++] = in;
}

static void add(const char *path)
{
	struct stat sb;
	DIR *d;
	struct dirent *e;
	char sub[4096];

	if (stat(path, &sb) != 0) {
		perror(path);
		exit(2);
	}
	if (!S_ISDIR(sb.st_mode)) {
		add_file(path);
		return;
	}
	d = opendir(path);
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		add(sub);
	}
	if (d)
		closedir(d);
}

int main(int argc, char **argv)
{
	/* Read everything first: the target changes the working directory. */
	for (int i = 1; i < argc; i++)
		add(argv[i]);
	LLVMFuzzerInitialize(&argc, &argv);
	for (size_t i = 0; i < ninputs; i++) {
		fprintf(stderr, "replaying %s (%zu bytes)\n", inputs[i].path, inputs[i].size);
		LLVMFuzzerTestOneInput((const uint8_t *)inputs[i].data, inputs[i].size);
		free(inputs[i].path);
		free(inputs[i].data);
	}
	free(inputs);
	fprintf(stderr, "%zu inputs replayed\n", ninputs);
	return 0;
}
