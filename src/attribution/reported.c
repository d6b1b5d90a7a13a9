/*
 * reported.c - statements in reported speech (indirect and mixed).
 */
#include "attrib.h"

int qd_attribute_reported(qd_actx *c, qd_cues *cues)
{
    (void)c;
    (void)cues;
    return 0;
}
