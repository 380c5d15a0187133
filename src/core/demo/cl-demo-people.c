/* cl-demo-people.c — names for the sample team and its buyers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A first name and a surname drawn from different languages ("Hiro
 * Lindqvist") read as generated, and a team with two Okafors as a bug, so
 * names come by language and a team takes each surname once.
 */
#define G_LOG_DOMAIN "cl-demo"

#include "config.h"

#include "cl-demo-people.h"
#include "cl-demo-random.h"

#define N_EACH 8

typedef struct
{
  const char *first[N_EACH];
  const char *last[N_EACH];
} Language;

/* Surnames that change with the bearer's gender (Ivanov, Ivanova) are left
 * out, so any first name goes with any surname of its language. */
static const Language languages[] = {
  { { "Amara", "Chidi", "Ngozi", "Emeka", "Adaeze", "Tunde", "Folake", "Kelechi" },
    { "Okafor", "Adeyemi", "Eze", "Nwosu", "Balogun", "Obi", "Okonkwo", "Afolabi" } },
  { { "Lena", "Jonas", "Greta", "Felix", "Marie", "Lukas", "Anna", "Tobias" },
    { "Becker", "Hoffmann", "Schulz", "Wagner", "Krüger", "Neumann", "Fischer", "Richter" } },
  { { "Chloé", "Julien", "Camille", "Antoine", "Manon", "Hugo", "Élise", "Mathis" },
    { "Moreau", "Lefèvre", "Girard", "Fournier", "Mercier", "Laurent", "Roux", "Chevalier" } },
  { { "Dario", "Giulia", "Matteo", "Chiara", "Luca", "Francesca", "Marco", "Elena" },
    { "Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Conti" } },
  { { "Elif", "Emre", "Zeynep", "Burak", "Ayşe", "Can", "Deniz", "Mert" },
    { "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan" } },
  { { "Hiro", "Yuki", "Haruto", "Aiko", "Sora", "Mei", "Kenji", "Rin" },
    { "Tanaka", "Sato", "Suzuki", "Takahashi", "Watanabe", "Ito", "Nakamura", "Kobayashi" } },
  { { "Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Meera", "Aditya" },
    { "Sharma", "Iyer", "Patel", "Reddy", "Nair", "Gupta", "Menon", "Desai" } },
  { { "Sven", "Astrid", "Erik", "Ingrid", "Lars", "Sofia", "Nils", "Elin" },
    { "Lindqvist", "Berg", "Johansson", "Nyström", "Holm", "Eklund", "Sandberg", "Wikström" } },
  { { "Mateo", "Lucía", "Diego", "Sofía", "Javier", "Carmen", "Pablo", "Inés" },
    { "García", "Fernández", "López", "Martín", "Sánchez", "Romero", "Navarro", "Ortega" } },
  { { "Grace", "Liam", "Aoife", "Conor", "Siobhan", "Declan", "Niamh", "Ciarán" },
    { "Walsh", "Murphy", "O’Brien", "Byrne", "Kelly", "Doyle", "Gallagher", "Quinn" } },
  { { "Kofi", "Ama", "Kwame", "Abena", "Yaw", "Efua", "Kojo", "Akosua" },
    { "Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Darko", "Osei", "Agyeman" } },
  { { "Farid", "Layla", "Karim", "Yasmin", "Omar", "Nour", "Samir", "Rania" },
    { "Haddad", "Khoury", "Saleh", "Nassar", "Aziz", "Mansour", "Hadid", "Farah" } },
  { { "Joana", "João", "Beatriz", "Tiago", "Mariana", "Rui", "Catarina", "Duarte" },
    { "Ferreira", "Costa", "Santos", "Oliveira", "Pereira", "Rodrigues", "Almeida", "Carvalho" } },
  { { "Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yun", "Su-bin", "Ye-jin", "Hyun-woo" },
    { "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon" } },
  { { "Daan", "Sanne", "Bram", "Femke", "Joost", "Lotte", "Ruben", "Eva" },
    { "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer" } },
  { { "Wei", "Xin", "Jun", "Mei-ling", "Hao", "Lin", "Yang", "Jing" },
    { "Wang", "Li", "Zhang", "Liu", "Chen", "Huang", "Zhao", "Zhou" } },
};

#define N_SURNAMES (G_N_ELEMENTS (languages) * N_EACH)

/**
 * cl_demo_people_team:
 * @rand: the random source the names are drawn from
 * @n: how many people, at most 1 024
 *
 * Draws @n different names for one team, each a first name and a surname
 * from the same language; no surname comes twice in a team of up to 128.
 * When @n is over 1 024 this is a programmer error and the array is empty.
 *
 * Returns: (transfer full) (element-type utf8): the names
 */
GPtrArray *
cl_demo_people_team (GRand *rand,
                     guint  n)
{
  GPtrArray *names = g_ptr_array_new_full (n, g_free);
  guint order[N_SURNAMES];
  guint first_offset[G_N_ELEMENTS (languages)];
  guint taken[G_N_ELEMENTS (languages)] = { 0 };

  g_return_val_if_fail (n <= N_SURNAMES * N_EACH, names);

  /* every surname once, in an order of the seed's, before any comes again */
  cl_demo_shuffle (rand, order, N_SURNAMES);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    first_offset[l] = g_rand_int_range (rand, 0, N_EACH);

  for (guint i = 0; i < n; i++)
    {
      guint surname = order[i % N_SURNAMES];
      guint l = surname / N_EACH;
      guint k = taken[l]++;

      /* the k-th of a language takes its first names in turn; a surname's
       * second bearer comes a round later, one first name further on */
      g_ptr_array_add (names, g_strdup_printf ("%s %s",
                                               languages[l].first[(first_offset[l] + k + k / N_EACH) % N_EACH],
                                               languages[l].last[surname % N_EACH]));
    }
  return names;
}

/**
 * cl_demo_people_buyer:
 * @rand: the random source the name is drawn from
 *
 * Draws a name for a buyer, first name and surname again from one
 * language; buyers of different deals may share one.
 *
 * Returns: (transfer full): the name
 */
char *
cl_demo_people_buyer (GRand *rand)
{
  const Language *language = &languages[g_rand_int_range (rand, 0, G_N_ELEMENTS (languages))];

  return g_strdup_printf ("%s %s", language->first[g_rand_int_range (rand, 0, N_EACH)],
                          language->last[g_rand_int_range (rand, 0, N_EACH)]);
}
