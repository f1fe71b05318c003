/* placeholder until written */
typedef int lr_placeholder_;
