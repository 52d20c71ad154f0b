"""Success factor 5 made concrete: the sector's networks, the partnership boards with seats for the sector, who holds
each seat for which network and until when, and the representatives' report-backs after each meeting."""
