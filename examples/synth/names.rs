//! Built-in name, company and phone-plan lists for the synthetic benchmark generator.
//!
//! Given names are real common names of their culture, most common first, per sex. They carry
//! the nicknames and alternative spellings a person goes by on some platforms (Bob for Robert,
//! Kasia for Katarzyna, Mohamed for Mohammed), which is what the dedupe has to see through.
//! Family names start with the culture's real common ones, most common first; a long tail is
//! composed from real roots and the culture's suffixes and particles (see `namegen.rs`). People
//! are random combinations of the two, so they are invented. Cultures written in another script
//! (Russian, Greek, Chinese) list their names natively; the Latin spelling is the usual
//! romanisation, written after `:` where it differs from the derived one.
//!
//! Lists are comma-separated strings, one entry per name: `Robert=Bob/Rob/Bobby` is Robert with
//! his nicknames; `Иван:Ivan=Vanya` is native, Latin, nickname.

#[path = "namegen.rs"]
mod namegen;

pub use namegen::{cultures, Culture};

/// A given name and the other forms the same person uses.
pub type Given = (&'static str, &'static [&'static str]);

/// How a country writes mobile numbers, for the international and national spellings.
#[derive(Clone, Copy)]
pub struct Plan {
    /// Country calling code without `+`.
    pub cc: &'static str,
    /// Mobile prefixes (area or operator code) after the country code.
    pub prefixes: &'static [&'static str],
    /// Digit groups of the subscriber number, as people space them.
    pub groups: &'static [usize],
    /// National trunk prefix written before the prefix in the national spelling.
    pub trunk: &'static str,
    /// The prefix is written together with the first group (`612 345 678`, `98765 43210`).
    pub glue: bool,
}

/// The script names are listed in; the Latin spelling is derived from it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Han,
}

/// Composed names: every head joined to every tail (`Lind` + `ström`, `van der` + `Meer`).
pub struct Compose {
    pub heads: &'static str,
    pub sep: &'static str,
    pub tails: &'static str,
    /// For given names: the sex of the composed names.
    pub female: bool,
}

const fn c(heads: &'static str, sep: &'static str, tails: &'static str) -> Compose {
    Compose {
        heads,
        sep,
        tails,
        female: false,
    }
}

const fn cf(heads: &'static str, sep: &'static str, tails: &'static str) -> Compose {
    Compose {
        heads,
        sep,
        tails,
        female: true,
    }
}

pub struct Spec {
    pub key: &'static str,
    /// Relative share of people.
    pub weight: u32,
    pub script: Script,
    /// Given names, most common first.
    pub male: &'static str,
    pub female: &'static str,
    /// Composed given names, after the listed ones.
    pub given_compose: &'static [Compose],
    /// Rank offset `k` of the given-name weights `1 / (rank + k)`: larger is flatter.
    pub given_k: f64,
    /// Real common family names, most common first (masculine form in gendered cultures).
    pub family: &'static str,
    /// The composed tail of family names.
    pub family_compose: &'static [Compose],
    pub family_k: f64,
    /// Feminine form of a family name, for cultures where women carry one.
    pub feminine: Option<fn(&str) -> String>,
    /// Composed family names left out: they would name a well-known person.
    pub deny: &'static [&'static str],
    /// Share of people with a middle name.
    pub middle: f64,
    pub plan: Plan,
}

pub static SPECS: &[Spec] = &[
    Spec {
        key: "english",
        weight: 26,
        script: Script::Latin,
        male: "James=Jim/Jamie/Jimmy, John=Johnny, Robert=Bob/Rob/Bobby, Michael=Mike, \
            William=Bill/Will, David=Dave, Richard=Rick/Rich, Joseph=Joe, Thomas=Tom, \
            Christopher=Chris, Charles=Charlie/Chuck, Daniel=Dan/Danny, Matthew=Matt, \
            Anthony=Tony, Mark, Donald=Don, Steven=Steve, Paul, Andrew=Andy/Drew, Joshua=Josh, \
            Kenneth=Ken/Kenny, Kevin, Brian, George, Timothy=Tim, Ronald=Ron, Edward=Ed/Ted, \
            Jason, Jeffrey=Jeff, Ryan, Jacob=Jake, Gary, Nicholas=Nick, Eric, Jonathan=Jon, \
            Stephen=Steve, Larry, Justin, Scott, Brandon, Benjamin=Ben, Samuel=Sam, \
            Gregory=Greg, Alexander=Alex, Frank, Patrick=Pat, Raymond=Ray, Jack, Dennis, \
            Jerry, Tyler, Aaron, Adam, Nathan=Nate, Henry=Harry/Hank, Douglas=Doug, \
            Zachary=Zach, Peter=Pete, Kyle, Ethan, Walter=Walt, Noah, Jeremy, Christian, \
            Keith, Roger, Terry, Gerald=Gerry, Harold=Harry, Sean, Austin, Carl, Arthur=Art, \
            Lawrence=Larry, Dylan, Jesse, Jordan, Bryan, Bruce, Gabriel=Gabe, Logan, \
            Albert=Al, Alan, Wayne, Elijah, Randy, Roy, Vincent=Vince, Ralph, Eugene=Gene, \
            Russell=Russ, Mason, Philip=Phil, Louis=Lou, Oliver=Ollie, Liam, Callum, Connor, \
            Luke, Owen, Graham, Neil, Martin, Simon, Stuart, Ian, Colin, Nigel, Derek, \
            Leonard=Len/Leo, Lewis, Theodore=Theo/Ted, Max, Hugh, Rory, Toby, Oscar, Harvey, \
            Jamie, Dominic=Dom, Marcus, Shane, Craig, Gavin, Trevor, Barry, Malcolm",
        female: "Mary, Patricia=Pat/Trish, Jennifer=Jen/Jenny, Linda, Elizabeth=Liz/Beth/Lizzie, \
            Barbara=Barb, Susan=Sue, Jessica=Jess, Sarah, Karen, Lisa, Nancy, Betty, \
            Margaret=Maggie/Peggy, Sandra=Sandy, Ashley, Kimberly=Kim, Emily=Em, Donna, \
            Michelle, Carol, Amanda=Mandy, Dorothy=Dot, Melissa=Mel, Deborah=Debbie/Deb, \
            Stephanie=Steph, Rebecca=Becky, Sharon, Laura, Cynthia=Cindy, Kathleen=Kathy, Amy, \
            Angela=Angie, Shirley, Anna, Brenda, Pamela=Pam, Emma, Nicole=Nikki, Helen, \
            Samantha=Sam, Katherine=Kate/Katie, Christine=Chris, Rachel, Carolyn, Janet, \
            Catherine=Cathy/Kate, Maria, Heather, Diane, Ruth, Julie, Olivia=Liv, Joyce, \
            Virginia=Ginny, Victoria=Vicky/Tori, Kelly, Lauren, Christina=Tina, Joan, Evelyn, \
            Judith=Judy, Megan=Meg, Andrea, Cheryl, Hannah, Jacqueline=Jackie, Martha, Gloria, \
            Teresa, Ann, Sara, Madison, Frances=Fran, Kathryn=Kathy, Janice, Jean, \
            Abigail=Abby, Alice, Julia, Sophia=Sophie, Grace, Denise, Amber, Doris, Marilyn, \
            Danielle=Dani, Beverly=Bev, Isabella=Bella/Izzy, Theresa=Tess, Diana, Natalie, \
            Brittany, Charlotte=Lottie, Marie, Kayla, Alexis, Lori, Lucy, Zoe, Chloe, \
            Amelia=Millie, Jade, Holly, Claire, Gemma, Joanne=Jo, Fiona, Alison, Louise, \
            Eleanor=Ellie, Ruby, Poppy, Freya, Caroline, Harriet=Hattie, Imogen, Molly, Sophie, \
            Georgia, Jasmine, Lydia, Naomi, Paige, Rosie",
        given_compose: &[],
        given_k: 15.0,
        family: "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, \
            Thomas, Moore, Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis, \
            Robinson, Walker, Young, Allen, King, Wright, Scott, Green, Baker, Adams, Nelson, \
            Hill, Campbell, Mitchell, Roberts, Carter, Phillips, Evans, Turner, Parker, Collins, \
            Edwards, Stewart, Morris, Murphy, Cook, Rogers, Morgan, Cooper, Peterson, Reed, \
            Bailey, Bell, Kelly, Howard, Ward, Cox, Richardson, Wood, Watson, Brooks, Bennett, \
            Gray, James, Hughes, Price, Sanders, Myers, Long, Ross, Foster, Powell, Jenkins, \
            Perry, Russell, Sullivan, Fisher, Henderson, Coleman, Simmons, Patterson, Jordan, \
            Reynolds, Hamilton, Graham, Wallace, West, Cole, Hayes, Bryant, Gibson, Ellis, \
            Stevens, Murray, Ford, Marshall, Owens, McDonald, Harrison, Kennedy, Wells, \
            Alexander, Griffin, Hunt, Palmer, Black, Robertson, Holmes, Stone, Mills, Rose, \
            Knight, Hunter, Warren, Dixon, Burns, Gordon, Shaw, Rice, Hudson, Spencer, Webb, \
            Simpson, Tucker, Porter, Hicks, Crawford, Boyd, Mason, Fox, Lane, Armstrong, \
            Carpenter, Weaver, Greene, Lawrence, Elliott, Chambers, Austin, Berry, Matthews, \
            Arnold, Willis, Ray, Watkins, Carroll, Duncan, Hart, Cunningham, Bradley, Andrews, \
            Harper, Riley, Dean, Gilbert, Garrett, Welch, Burke, Hanson, Day, Bowman, Fowler, \
            Brewer, Pearson, Holland, Douglas, Fleming, Byrd, Davidson, Hopkins, May, Wade, \
            Walters, Curtis, Neal, Caldwell, Lowe, Jennings, Barnett, Graves, Horton, Shelton, \
            Barrett, O'Brien, Sutton, Gregory, Lucas, Miles, Craig, Chapman, Watts, Page, \
            Pierce, Payne, Quinn, Hardy, Barker, Cross, Hale, Lloyd, Newton, Fuller, Marsh, \
            Lamb, Hodges, Fletcher, Booth, Dawson, Hammond, O'Connor, O'Neill, Gallagher, Doyle, \
            Walsh, Byrne, Ryan, Kavanagh, Fitzgerald, Harding, Hobbs, Norris, Reeves, Sharp, \
            Skinner, Steele, Sims, Vaughan, Wheeler, Whitehead, Yates, Abbott, Atkinson, \
            Barber, Barton, Blake, Bond, Bradshaw, Bull, Burton, Butler, Chandler, Cartwright",
        family_compose: &[
            // Place-name surnames: Ashford, Whitley, Pemberton.
            c(
                "Ash, Brad, Brook, Black, Brom, Bur, Chat, Cliff, Crom, Dal, Dun, Eger, Elm, \
                Fair, Farn, Gos, Hal, Ham, Hart, Hather, Hay, Hol, Hux, Kings, Lang, Lin, Lock, \
                Mar, Mid, Mor, Nor, Oak, Pem, Pen, Red, Rod, Rush, Sand, Shel, Stan, Ster, Stock, \
                Thorn, Thur, Wal, Wel, Wes, Whit, Wil, Win, Wood, Wor, Al, Ather, Bar, Bel, Bent, \
                Bick, Brig, Carl, Cot, Cran, Dar, Ed, Ever, Fen, Gar, Glad, Grim, Hazel, Hen, \
                Kel, Ken, Kirk, Lan, Lea, Mel, Mil, Moss, New, Pad, Pick, Ral, Ram, Sal, Sel, \
                Shep, Sid, Summer, Swin, Tam, Tem, Tid, Wad, War, Wat, Wen, Wick, Ack, Ald, Ap, \
                Bag, Bal, Barn, Bas, Ben, Bird, Bol, Brent, Buck, Bux, Cal, Can, Car, Chad, Charl, \
                Chil, Clay, Cole, Cor, Craw, Dent, Ding, Dray, East, Eld, Els, Farr, Fel, Frod, \
                Gil, Gold, Gra, Hack, Hal, Harl, Has, Hed, Hem, Hep, Hor, Hun, Ing, Kent, Kil, \
                Kim, Knap, Lath, Lev, Lid, Lit, Long, Lud, Lyn, Mal, Man, Mans, Mat, Mer, Mon, \
                Nash, Net, Old, Os, Ot, Pel, Pet, Pil, Plum, Pres, Rad, Rain, Rat, Rid, Ring, \
                Rip, Ros, Row, Rud, Sad, Scar, Sef, Shap, Sher, Shir, Sil, Skel, Smal, Sned, \
                Sow, Spal, Stain, Stap, Stow, Sud, Sut, Tad, Tar, Tat, Ted, Thack, Tod, Trent, \
                Trim, Tun, Up, Ver, Wain, Warb, Wed, Well, West, Wex, Wheat, Wig, Wim, With, Wold, \
                Wool, Wy, Yar",
                "",
                "ton, ford, ley, wood, field, worth, by, ham, well, more, stone, brook, dale, \
                bridge, combe, hurst, cliffe, ridge, wick, stead, den, land, thorpe, low",
            ),
            // Patronymics: Robertson, Dickson, Wilkins.
            c(
                "Adam, Albert, Allen, Ander, Arn, Atkin, Bart, Benn, Daw, Dick, Dob, Edmund, \
                Gib, Hal, Harri, Hob, Hod, Hud, Jack, Jaime, Jeff, Jen, Jenk, Ket, Lamb, Mat, \
                Nel, Nichol, Pater, Phil, Rob, Rodger, Sim, Steven, Thom, Tib, Tom, Wat, Wilk, \
                Will",
                "",
                "son, s, kins, ison",
            ),
            // Mc and Mac: McAllister, MacLeod.
            c(
                "Mc, Mac",
                "",
                "Allister, Bride, Cann, Carthy, Clure, Cormack, Dowell, Farlane, Gee, Gill, \
                Gowan, Grath, Guire, Intosh, Intyre, Kay, Kenzie, Kinnon, Lean, Leod, Mahon, \
                Millan, Namara, Neil, Pherson, Quarrie, Rae, Tavish, Whirter, Laren, Kendrick, \
                Crae, Ewan, Fadden, Gregor, Innes, Kee, Lachlan, Nab, Nally",
            ),
        ],
        family_k: 100.0,
        feminine: None,
        deny: &[],
        middle: 0.3,
        plan: Plan {
            cc: "1",
            prefixes: &["415", "212", "312", "617", "206", "512", "303", "646"],
            groups: &[3, 4],
            trunk: "",
            glue: false,
        },
    },
    Spec {
        key: "german",
        weight: 8,
        script: Script::Latin,
        male: "Peter, Michael, Thomas, Andreas=Andi, Wolfgang=Wolfi, Klaus, Jürgen, Stefan, \
            Christian=Chris, Uwe, Werner, Hans, Frank, Bernd, Matthias=Matze, \
            Alexander=Alex, Martin, Günter, Dieter, Horst, Manfred, Markus, Sven, Jan, \
            Tobias=Tobi, Florian=Flo, Sebastian=Basti, Lukas, Felix, Maximilian=Max, Jonas, \
            Leon, Paul, Niklas, Tim, Ralf, Jörg, Dirk, Holger, Rainer, Helmut, Heinz, Gerhard, \
            Karl, Johannes=Hannes/Jo, Björn, Sören, Kai, Lars, Moritz, Philipp, Benedikt=Bene, \
            Fabian, Dominik, Simon, Daniel, Oliver, Torsten, Volker, Detlef, Norbert, \
            Friedrich=Fritz, Elias, Noah, Finn, Emil, Anton, Till, Malte, Christoph, Marcel, \
            Patrick, Dennis, Marco, Kevin, Jens, Thorsten, Hartmut, Reinhard, Ulrich=Uli, \
            Günther, Lothar, Joachim=Achim, Bastian, Henrik, Julian, Jakob, Konstantin",
        female: "Ursula=Uschi, Sabine=Bine, Susanne=Susi, Katharina=Kathi/Katja, \
            Stefanie=Steffi, Julia=Jule, Franziska=Franzi, Anna, Lena, Jana, Monika, Petra, \
            Andrea, Claudia, Birgit, Karin, Gabriele=Gabi, Renate, Heike, Nicole, Silke, Anja, \
            Kerstin, Christina, Martina, Tanja, Sandra, Melanie, Nadine, Elisabeth=Lisa, Ingrid, \
            Helga, Brigitte, Elke, Manuela, Simone, Daniela, Sarah, Laura, Lea, Hannah, Sophie, \
            Marie, Emma, Mia, Leonie, Johanna, Charlotte, Luisa, Clara, Greta, Nele, Antje, \
            Anke, Ute, Doris, Jutta, Bettina, Annika, Carolin=Caro, Miriam, Theresa=Resi, \
            Christiane, Dagmar, Gudrun, Sonja, Marion, Angelika, Cornelia=Conny, Svenja, \
            Vanessa, Jessica, Jasmin, Katrin, Yvonne, Ines, Nina, Kathrin, Maike",
        given_compose: &[],
        given_k: 10.0,
        family: "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, \
            Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, \
            Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Krause, Meier, \
            Lehmann, Köhler, Günther, Schulze, Maier, Mayer, Huber, Kaiser, Fuchs, Peters, Lang, \
            Scholz, Möller, Weiß, Jung, Hahn, Schubert, Vogel, Friedrich, Keller, Frank, Berger, \
            Winkler, Roth, Beck, Lorenz, Baumann, Franke, Albrecht, Schuster, Simon, Ludwig, \
            Böhm, Winter, Kraus, Martin, Schumacher, Krämer, Vogt, Stein, Jäger, Otto, Sommer, \
            Groß, Seidel, Heinrich, Brandt, Haas, Schreiber, Graf, Schulte, Dietrich, Ziegler, \
            Kuhn, Kühn, Pohl, Engel, Horn, Busch, Bergmann, Thomas, Voigt, Sauer, Arnold, \
            Wolff, Pfeiffer, von Weizsäcker, Lindner, Ernst, Hübner, Kramer, Franz, Beyer, Wolter",
        family_compose: &[
            // Steinbach, Rosenthal, Lindner, Eichhorn-style place and nature names.
            c(
                "Ach, Alt, Apfel, Asch, Bach, Bären, Baum, Berg, Birken, Blum, Brand, Breit, \
                Brunn, Buch, Burg, Dorn, Eber, Eich, Eisen, Engel, Falken, Feld, Fels, Fichten, \
                Finken, Frei, Fried, Grün, Gold, Hagen, Hasel, Heid, Hein, Hell, Hirsch, Hoch, \
                Hof, Holz, Horn, Kalten, Kirch, Klein, Kohl, Kreutz, Kron, Lang, Lauten, Linden, \
                Löwen, Mittel, Moos, Mühl, Neu, Ober, Ost, Reich, Rein, Rosen, Roth, Sand, Schön, \
                Schwarz, Sonnen, Stein, Sturm, Tann, Unter, Wald, Wasser, Weiden, Weiß, West, \
                Wies, Wild, Wolfs, Brück, Lerchen, Kessel, Hammer, Ring, Stauden",
                "",
                "bach, berg, berger, brunner, burg, dorf, feld, felder, hardt, hausen, hofer, \
                huber, mann, meier, müller, reiter, schmidt, stetter, thaler, wald, ner, inger",
            ),
        ],
        family_k: 60.0,
        feminine: None,
        deny: &["Eichmann"],
        middle: 0.15,
        plan: Plan {
            cc: "49",
            prefixes: &["151", "160", "170", "171", "176", "157"],
            groups: &[8],
            trunk: "0",
            glue: false,
        },
    },
    Spec {
        key: "french",
        weight: 7,
        script: Script::Latin,
        male: "Jean, Pierre, Michel, Philippe, Alain, Nicolas=Nico, Christophe, Patrick, Daniel, \
            Bernard, Éric, Laurent, Frédéric=Fred, Stéphane, David, Olivier, Julien, \
            Sébastien=Seb, Thomas, François, Dominique=Dom, Jérôme, Guillaume, Antoine, Mathieu, \
            Vincent, Hugo, Louis, Lucas, Gabriel, Arthur, Raphaël, Jules, Maxime=Max, \
            Alexandre=Alex, Benoît, Thibault=Thib, Romain, Pascal, Thierry, Didier, Gérard, \
            Jacques, Yves, René, Henri, Claude, André, Marc, Paul, Luc, Xavier, Émile, Théo, \
            Léo, Baptiste, Clément, Quentin, Damien, Cédric, Yannick, Jean-Pierre=JP, \
            Jean-Luc, Jean-Marc, Jean-François, Florent, Adrien, Arnaud, Bruno, Fabrice, \
            Franck, Grégoire, Hervé, Loïc, Mickaël, Sylvain, Tristan, Valentin, Victor, Noé",
        female: "Marie, Nathalie, Isabelle, Sylvie, Catherine, Françoise, Christine, Monique, \
            Valérie, Sophie, Sandrine, Véronique, Stéphanie=Steph, Céline, Hélène, Cécile, \
            Amélie, Élodie, Mathilde, Camille, Chloé, Léa, Noémie, Océane, Manon, Emma, Inès, \
            Juliette, Louise, Alice, Claire, Julie, Aurélie, Caroline, Virginie, Laetitia, \
            Émilie, Anne, Brigitte, Martine, Nicole, Chantal, Sabine, Delphine, Agnès, Pauline, \
            Margaux, Clémence, Élise, Charlotte, Marine, Anaïs, Justine, Lucie, Marie-Claire, \
            Marie-Christine, Anne-Sophie, Geneviève, Josiane, Odile, Audrey, Béatrice, Corinne, \
            Estelle, Florence, Gaëlle, Laure, Mélanie, Patricia, Sarah, Solène, Zoé, Jeanne",
        given_compose: &[],
        given_k: 10.0,
        family: "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, \
            Simon, Laurent, Lefèvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, \
            Morel, Girard, André, Lefebvre, Mercier, Dupont, Lambert, Bonnet, François, \
            Martinez, de la Fontaine, Chevalier, Gauthier, Perrin, Rousseau, Blanchard, Faure, \
            Blanc, Guérin, Boyer, Garnier, Roussel, Henry, Masson, Marchand, Duval, Denis, \
            Dumont, Lemoine, Noël, Meyer, Dufour, Meunier, Brun, Giraud, Joly, Rivière, Lucas, \
            Brunet, Gaillard, Barbier, Arnaud, Martel, Gérard, Roche, Renard, Roy, Leroux, \
            Colin, Vidal, Caron, Picard, Roger, Fabre, Aubert, Renaud, Dumas, Lacroix, Olivier, \
            Bourgeois, Rey, Leclerc, Rolland, Leclercq, Guillaume, Lecomte, Dupuy, Guillot, \
            Hubert, Carpentier, Dupuis, Moulin, Deschamps, Huet, Vasseur, Boucher, Fleury, \
            Royer, Jacquet, Poirier, Marty, Aubry, Guyot, Carré, Renault, Charpentier, Ménard, \
            Maillard, Baron, Bertin, Bailly, Hervé, Le Gall, Collet, Léger, Bouvier, Prévost, \
            Millet, Perrot, Cousin, Germain, Breton, Besson, Langlois, Rémy, Le Goff, \
            Pelletier, Lévêque, Perrier, Leblanc, Barré, Lebrun, Marchal, Hamon, Boulanger, \
            Monnier, Michaud, Guichard, Gillet, Étienne, Tessier, Chauvin, Lemaître, Bénard",
        family_compose: &[
            // Root + diminutive or agent suffix: Bouchet, Bouchard, Boucher.
            c(
                "Bern, Bouch, Boul, Brun, Chap, Charp, Chauv, Chev, Coll, Coud, Dub, Faur, \
                Fourn, Gaill, Garn, Gauth, Gir, Guill, Jacqu, Jaun, Lamb, Mart, Mass, Mor, Moul, \
                Pell, Perr, Pic, Poir, Ren, Rich, Rob, Roch, Rouss, Sauv, Tess, Thib, Vall, Vass, \
                Arn, Aub, Barb, Bell, Berth, Bon, Blanch, Bouv, Cham, Chaum, Cout, Duc, Fav, Ferr, \
                Flor, Gasc, Gros, Houd, Lav, Mal, Marc, Mich, Mon, Pag, Pasc, Pot, Reg, Rig, Rol, \
                Sab, Sim, Tard, Tourn, Vern, Viv, Bouss, Brach, Cabr, Clav, Grim, Hug",
                "",
                "et, ot, on, ier, eau, ard, in, aud, ault, at, and, elin, ichon",
            ),
            // Dubois, Delacroix: "of the" + a place.
            c(
                "Du",
                "",
                "bois, pont, four, val, mont, pré, chêne, moulin, puy, breuil, bourg, rocher, \
                mas, jardin, lac, champ, clos, fresne, bosc, hamel, pin, plessis, perron, rieux, \
                sart, tertre, buisson, castel, vivier, mesnil, parc, bec, hayon",
            ),
            c(
                "Dela",
                "",
                "porte, croix, fosse, tour, mare, rue, haye, vigne, barre, motte, grange, roche, \
                salle, fontaine, cour, place, pierre, forge, touche, lande, noue, vallée, ferté",
            ),
            // Lebrun, Leblanc: article + nickname.
            c(
                "Le",
                "",
                "brun, blanc, noir, grand, roux, fort, bon, beau, gros, maire, normand, clerc, \
                comte, duc, breton, moine, page, roy, tellier, fèvre, sage, vasseur, cointe, \
                doux, marchand, meunier, mercier, tourneur, bas, blond, coq, noble, dru, jeune, \
                vieux, lièvre, loup, cerf, pape, prince, baron, bailly, febvre, gendre",
            ),
            c(
                "Le",
                " ",
                "Gall, Goff, Bihan, Floch, Guen, Moal, Borgne, Corre, Gac, Bris, Men, Cam, Hir, \
                Bras, Berre, Du, Gouic, Meur, Pape, Quéré, Roy, Saux, Tallec, Lay, Bars",
            ),
        ],
        family_k: 60.0,
        feminine: None,
        deny: &[],
        middle: 0.1,
        plan: Plan {
            cc: "33",
            prefixes: &["6", "7"],
            groups: &[2, 2, 2, 2],
            trunk: "0",
            glue: false,
        },
    },
    Spec {
        key: "spanish",
        weight: 8,
        script: Script::Latin,
        male: "José=Pepe, Antonio=Toño, Manuel=Manolo, Francisco=Paco/Fran, Juan, David, \
            José Luis, Javier=Javi, Jesús=Chuy, Carlos, Daniel=Dani, Miguel, Rafael=Rafa, Pedro, \
            Ángel, Alejandro=Álex, Fernando=Nando, Pablo, Luis, Sergio, Jorge, Alberto, \
            Juan Carlos, Diego, Adrián, Álvaro, Raúl, Enrique=Quique, Ramón, Vicente, Andrés, \
            Ignacio=Nacho, Martín, Eduardo=Edu, Óscar, Santiago=Santi, Guillermo=Guille, \
            Roberto=Beto, Hugo, Mario, Rubén, Iván, Gonzalo, Marcos, Emilio, Joaquín, Julián, \
            Tomás, Agustín, Gabriel, Héctor, Felipe, Salvador=Salva, Jaime, Lorenzo, Mateo, \
            Lucas, Nicolás, Cristian, Samuel, Gustavo, Ricardo, Arturo, Esteban, Víctor, \
            Alfonso, Benito, Domingo, Gregorio, Ismael, Jordi, Xavier",
        female: "María, Carmen=Menchu, Josefa=Pepa, Isabel=Isa, Ana, Laura, Cristina, Marta, \
            Dolores=Lola, Lucía, Francisca=Paqui, Antonia=Toñi, Pilar=Pili, Elena, Sara, Paula, \
            Mercedes=Merche, Raquel, Rosa, Manuela=Manoli, Concepción=Concha, Teresa=Tere, \
            Beatriz=Bea, Sofía, Guadalupe=Lupe, Inés, Rocío, Alba, Silvia, Patricia, Nuria, \
            Irene, Andrea, Mónica, Rosario=Charo, Julia, Ángela, Alicia, Sonia, Natalia, Claudia, \
            Eva, Esther, Verónica, Encarnación=Encarna, Montserrat=Montse, Yolanda, Noelia, \
            Susana, Lorena, Marina, Daniela, Valentina, Martina, Carla, Gabriela, Alejandra, \
            Adriana, Victoria, Jimena, Lourdes, Consuelo, Inmaculada=Inma, María José, Amparo, \
            Begoña, Blanca, Clara, Emilia, Gloria, Leire, Miriam, Olga",
        given_compose: &[],
        given_k: 10.0,
        family: "García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez, \
            Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Alonso, \
            Gutiérrez, Navarro, Torres, Domínguez, Vázquez, Ramos, Gil, Ramírez, Serrano, Blanco, \
            Molina, Morales, Suárez, Ortega, Delgado, Castro, Ortiz, Rubio, Marín, Núñez, \
            Iglesias, Medina, Garrido, Cortés, Castillo, Santos, Lozano, Guerrero, Cano, Prieto, \
            Méndez, Cruz, Calvo, Gallego, Vidal, León, Márquez, Herrera, Peña, Flores, Cabrera, \
            Campos, Vega, Fuentes, Carrasco, Diez, Caballero, Reyes, Nieto, Aguilar, Pascual, \
            Santana, Herrero, Lorenzo, Montero, Hidalgo, Giménez, Ibáñez, Ferrer, Durán, \
            Santiago, Benítez, Mora, Vicente, Vargas, Arias, Carmona, Crespo, Román, Pastor, \
            Soto, Sáez, Velasco, Moya, Soler, Parra, Esteban, Bravo, Gallardo, Rojas, Pardo, \
            Merino, Franco, Espinosa, Izquierdo, Lara, Rivas, Silva, Rivera, Casado, Arroyo, \
            Redondo, Camacho, Rey, Vera, Otero, Luque, Galán, Montes, Ríos, Sierra, Segura, \
            Carrillo, Marcos, Soriano, Mendoza, Robles, Bernal, Vila, Valero, Palacios, Pereira, \
            Benito, Andrés, Varela, Macías, Heredia, Manzano, Quintero, de la Cruz, del Río, \
            de la Torre, del Castillo, de la Fuente, del Valle, de la Vega, del Pino, \
            de la Rosa, del Campo, de la Peña, del Olmo, de León, Beltrán, Bermúdez, Cuesta, \
            Escobar, Estévez, Figueroa, Fuentes, Gallo, Hurtado, Lorente, Maldonado, Miranda, \
            Ochoa, Pacheco, Paredes, Peralta, Quiroga, Salazar, Salinas, Sanz, Toledo, Valencia, \
            Vallejo, Villanueva, Zamora",
        family_compose: &[
            // Toponymic particles: del Monte, de la Sierra.
            c(
                "del",
                " ",
                "Monte, Prado, Pozo, Barrio, Arco, Moral, Cerro, Puerto, Villar, Amo, Hoyo, \
                Rosal, Álamo, Corral, Molino, Toro",
            ),
            c(
                "de la",
                " ",
                "Sierra, Calle, Iglesia, Huerta, Hoz, Parra, Mata, Serna, Riva, Llave, Plaza, \
                Puente, Osa, Cuadra, Viña, Fuente Alta",
            ),
        ],
        family_k: 12.0,
        feminine: None,
        deny: &[],
        middle: 0.1,
        plan: Plan {
            cc: "34",
            prefixes: &["6", "7"],
            groups: &[2, 3, 3],
            trunk: "",
            glue: true,
        },
    },
    Spec {
        key: "polish",
        weight: 6,
        script: Script::Latin,
        male: "Piotr=Piotrek, Krzysztof=Krzysiek, Andrzej=Jędrek, Tomasz=Tomek, Paweł, Jan=Janek, \
            Michał, Marcin, Jakub=Kuba, Adam, Łukasz, Grzegorz=Grzesiek, Wojciech=Wojtek, \
            Mariusz, Dariusz=Darek, Marek, Kamil, Maciej=Maciek, Zbigniew=Zbyszek, Jerzy=Jurek, \
            Rafał, Robert, Stanisław=Staszek, Mateusz, Józef, Tadeusz=Tadek, Ryszard=Rysiek, \
            Sebastian, Damian, Bartłomiej=Bartek, Szymon, Kacper, Filip, Dawid, \
            Przemysław=Przemek, Sławomir=Sławek, Artur, Mirosław=Mirek, Henryk=Heniek, \
            Kazimierz=Kazik, Roman, Leszek, Dominik, Antoni=Antek, Wiktor, Hubert, Igor, Oskar, \
            Patryk, Norbert, Radosław=Radek, Wiesław=Wiesiek, Zdzisław=Zdzisiek, Bogdan, \
            Czesław, Witold, Arkadiusz=Arek, Konrad, Adrian, Daniel, Emil, Jacek, Janusz, \
            Karol, Krystian, Mikołaj, Tymon, Waldemar",
        female: "Anna=Ania, Katarzyna=Kasia, Maria=Marysia, Małgorzata=Gosia/Małgosia, \
            Agnieszka=Aga, Krystyna=Krysia, Barbara=Basia, Ewa, Elżbieta=Ela, Zofia=Zosia, \
            Teresa, Magdalena=Magda, Joanna=Asia, Aleksandra=Ola, Monika, Beata, Danuta=Danka, \
            Dorota, Jadwiga, Halina, Irena, Janina, Grażyna, Marta, Natalia, Karolina, Justyna, \
            Paulina, Agata, Renata, Iwona, Sylwia, Edyta, Julia, Zuzanna=Zuzia, Maja, Lena, \
            Hanna=Hania, Wiktoria, Alicja=Ala, Oliwia, Weronika, Kinga, Emilia, Urszula=Ula, \
            Bożena, Wanda, Jolanta=Jola, Izabela=Iza, Patrycja, Dominika, Kamila, Marzena, \
            Ilona, Aneta, Ewelina, Gabriela, Klaudia, Martyna, Milena, Nikola, Wiesława",
        given_compose: &[],
        given_k: 10.0,
        family: "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, \
            Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, \
            Krawczyk, Piotrowski, Grabowski, Nowakowski, Pawłowski, Michalski, Król, Wieczorek, \
            Jabłoński, Wróbel, Majewski, Olszewski, Stępień, Malinowski, Jaworski, Zając, Pawlak, \
            Nowicki, Adamczyk, Dudek, Adamski, Dobrowolski, Górski, Sikora, Walczak, Baran, \
            Rutkowski, Michalak, Szewczyk, Ostrowski, Tomaszewski, Pietrzak, Zalewski, \
            Wróblewski, Jasiński, Marciniak, Bąk, Zawadzki, Sadowski, Jakubowski, Duda, \
            Włodarczyk, Wilk, Chmielewski, Borkowski, Sokołowski, Szczepański, Sawicki, Lis, \
            Kucharski, Kalinowski, Wysocki, Maciejewski, Kaźmierczak, Czarnecki, Konieczny, \
            Urbański, Głowacki, Kubiak, Zakrzewski, Wasilewski, Sobczak, Kaczmarek, Mazurek, \
            Krajewski, Kołodziej, Szulc, Baranowski, Laskowski, Brzeziński, Makowski, \
            Ziółkowski, Przybylski, Kaczmarczyk, Kozak, Kruk, Kurek, Lisowski, Mróz, Sobolewski, \
            Tomczak, Wawrzyniak, Żak, Leśniak, Cieślak, Kołodziejczyk, Szczepaniak",
        family_compose: &[
            // Place-name surnames: Lipowski, Lipiński, Lipecki, Lipkowski, Lipowicz.
            c(
                "Bar, Bor, Brod, Chmiel, Czaj, Dąb, Dob, Gaj, Gąs, Gol, Gor, Grab, Jar, Jas, \
                Kal, Kam, Kar, Kos, Kot, Koz, Kraj, Krus, Kub, Kul, Kur, Las, Lip, Lub, Łaz, Mak, \
                Mal, Mar, Mich, Mil, Mir, Mok, Now, Os, Pach, Piek, Pil, Pod, Pol, Rad, Rak, Rud, \
                Sad, Sik, Sob, Sok, Stan, Staw, Such, Szym, Tar, Tom, Wal, War, Wąs, Wil, Wit, \
                Wol, Zab, Zal, Zaw, Żab, Żel, Żur, Bag, Bel, Bies, Bob, Bud, Cieś, Dud, Gaw, Głog, \
                Hol, Jab, Jeż, Kacz, Kap, Kaw, Klim, Kol, Krop, Krzem, Łap, Lesz, Mach, Mosz, \
                Orz, Pias, Pęk, Rog, Ros, Rzep, Sam, Siem, Skar, Sław, Sum, Szad, Tur, Wag, \
                Wier, Wod, Zar, Zbroj, Żmij",
                "",
                "owski, iński, ecki, kowski, owicz",
            ),
        ],
        family_k: 80.0,
        feminine: Some(namegen::feminine_pl),
        deny: &[],
        middle: 0.05,
        plan: Plan {
            cc: "48",
            prefixes: &["50", "51", "53", "60", "66", "69", "72", "79"],
            groups: &[1, 3, 3],
            trunk: "",
            glue: true,
        },
    },
    Spec {
        key: "dutch",
        weight: 5,
        script: Script::Latin,
        male: "Johannes=Hans/Jan, Pieter=Piet, Cornelis=Kees, Hendrik=Henk, Jacobus=Koos/Jaap, \
            Willem=Wim, Gerrit, Dirk, Maarten, Joost, Bram, Sven, Thijs, Geert, Daan, Sem, \
            Lucas, Levi, Finn, Milan, Jesse, Lars, Ruben, Stijn, Tim, Thomas, Niels, Bas, Jeroen, \
            Ruud, Frank, Marco, Erik, Mark, Peter, Martijn, Bart, Rob, Sander, Wouter, Arjen, \
            Gert-Jan, Jan-Willem, Floris, Tijmen, Teun, Gijs, Wessel, Koen, Roel, Rutger, Hidde, \
            Sjoerd, Jelle, Douwe, Jasper, Michiel, Vincent, Rik, Harm, Evert, Dennis, Robin",
        female: "Wilhelmina=Mien/Willemijn, Sanne, Femke, Lotte, Anouk, Ingrid, Marieke, Anna, \
            Emma, Julia, Sophie, Tess, Fenna, Lieke, Noor, Saar, Eva, Iris, Lisa, Fleur, Maud, \
            Roos, Esther, Judith, Annemiek, Marloes, Mirjam, Petra, Monique, Linda, Manon, Ilse, \
            Inge, Karin, Anja, Joke, Els, Ans, Truus, Margriet, Wilma, Hanneke, Janneke, Nienke, \
            Sietske, Renske, Floor, Merel, Isa, Elise, Yvonne, Ellen, Carla, Marjolein, Anneke, \
            Jolanda, Bregje, Charlotte, Demi, Evi, Lotte, Mila, Nina, Romy, Vera",
        given_compose: &[],
        given_k: 10.0,
        family: "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, \
            Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, \
            Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, \
            Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, \
            de Bruin, van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, \
            Hoekstra, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, \
            Peeters, de Lange, Kuipers, van Wijk, Post, Kuijpers, Veenstra, Kramer, van den Brink, \
            Scholten, van Wijngaarden, Martens, Vink, de Ruiter, Timmermans, Groen, Gerritsen, \
            Jonker, van Loon, Boer, van der Velde, Willemsen, Molenaar, Evers, Wouters, \
            Verbeek, Postma, Bosman, Hermans, Goossens, Koning, Sanders, van Doorn, Schipper",
        family_compose: &[
            // van, van de, van der, van den, ter, ten + a place word.
            c(
                "van, van de, van der, van den, ter, ten",
                " ",
                "Berg, Bosch, Broek, Dijk, Heuvel, Hoek, Laan, Meer, Molen, Poel, Veen, Velde, \
                Wal, Zande, Beek, Brink, Kamp, Hout, Akker, Burg, Haar, Horst, Kerk, Linden, Loo, \
                Steeg, Ven, Vliet, Weide, Wiel, Hoeve, Leeuw, Sluis, Toorn, Water, Werf, Dam, \
                Gaag, Kolk, Bergh, Donk, Eijk, Hagen, Heide, Hulst, Kuil, Mortel, Pol, Rijt, \
                Schoot, Steen, Veld, Voort, Wetering, Vaart, Haven, Stap, Wouden",
            ),
            // Frisian: Hoekstra, Hoeksma, Dijkema.
            c(
                "Dijk, Hoek, Wier, Bos, Hof, Post, Veen, Bult, Wijn, Zijl, Kooi, Holt, Terp, Heer, \
                Sjoerd, Douw, Tjeerd, Harm, Sieb, Jell, Gerb, Rein, Hiem, Bouw, Wiers, Fok, Hett, \
                Osing, Ald, Hylk, Jaar, Lamm, Rinds, Sikk, Teern, Wijb",
                "",
                "stra, sma, inga, ema, ma, enga",
            ),
            // Patronymics: Jansen, Gerritsen, Dirks.
            c(
                "Jan, Gerrit, Willem, Hendrik, Peter, Claas, Dirk, Maarten, Evert, Harm, Lambert, \
                Reinier, Arend, Gijs, Jacob, Theunis, Wouter, Adriaan",
                "",
                "s, sen, se",
            ),
        ],
        family_k: 50.0,
        feminine: None,
        deny: &[],
        middle: 0.1,
        plan: Plan {
            cc: "31",
            prefixes: &["6"],
            groups: &[8],
            trunk: "0",
            glue: false,
        },
    },
    Spec {
        key: "scandinavian",
        weight: 5,
        script: Script::Latin,
        male: "Lars, Anders, Johan, Erik, Per, Nils, Karl, Jan, Mikael=Micke, Fredrik=Fredde, \
            Magnus, Henrik, Kristoffer=Kris, Ola, Kjell, Björn, Søren, Ørjan, Oskar, Axel, \
            Gustav, Olof, Sven, Gunnar, Leif, Bengt, Stefan, Mats, Thomas, Peter, Jonas, Emil, \
            Viktor, Mattias, Daniel, Andreas, Martin, Jens, Mads, Rasmus, Frederik, Morten, \
            Knut, Håkan, Göran, Ulf, Rune, Tor, Arne, Einar, Sindre, Espen, Eirik, Håvard, Ivar, \
            Torbjørn, Niklas, Linus, Elias, Hugo, Anton, Christoffer, Jesper, Kasper, Pelle",
        female: "Åsa, Ingrid, Sigrid, Astrid, Solveig, Maja, Elin, Annika, Anna, Eva, Karin, \
            Kristina, Maria, Sara, Emma, Ida, Linnea, Ebba, Elsa, Freja, Signe, Ingeborg, Liv, \
            Kari, Hilde, Randi, Marit, Berit, Anne, Mette, Hanne, Lene, Camilla, Malin, Johanna, \
            Frida, Julia, Wilma, Alice, Nora, Ingvild, Tove, Gunilla, Birgitta, Ulla, Lena, \
            Helena, Cecilia, Louise, Sofie, Stina, Karoline, Thea, Agnes, Klara, Matilda, Siri, \
            Tuva, Vilde, Henriette",
        given_compose: &[],
        given_k: 10.0,
        family: "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, \
            Svensson, Gustafsson, Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nielsen, \
            Kristensen, Jørgensen, Sørensen, Løvås, Ødegaard, Åberg, Lindqvist, Bergström, \
            Lindström, Haugen, Berg, Jakobsson, Magnusson, Olofsson, Lindberg, Lindgren, \
            Axelsson, Jonsson, Petersson, Berglund, Bengtsson, Jönsson, Lundberg, Lundgren, \
            Mattsson, Sandberg, Forsberg, Sjöberg, Wallin, Engström, Eklund, Danielsson, Lund, \
            Håkansson, Björk, Bergman, Gunnarsson, Holm, Samuelsson, Fransson, Nyström, \
            Lundqvist, Holmberg, Arvidsson, Isaksson, Nyberg, Söderberg, Mårtensson, Nordström, \
            Lundin, Eliasson, Björklund, Berggren, Sandström, Nordin, Ström, Åström, Hermansson, \
            Ekström, Holmgren, Dahlberg, Hedlund, Sundberg, Sjögren, Pettersen, Kristiansen, \
            Jensen, Christensen, Rasmussen, Madsen, Møller, Thomsen, Poulsen, Johnsen, Karlsen, \
            Nilsen, Eriksen, Dahl, Bakken, Lie, Moen, Solberg, Strand, Halvorsen, Jacobsen, \
            Martinsen, Haugland, Aas, Nygaard, Kvam, Brekke, Lunde, Myhre, Vik, Hagen",
        family_compose: &[
            // Patronymics, Swedish and Danish-Norwegian: Andersson, Andersen.
            c(
                "Anders, Johan, Erik, Lars, Karl, Nils, Olof, Per, Jon, Sven, Gustaf, Magnus, \
                Axel, Jakob, Matts, Bengt, Håkan, Göran, Jens, Rasmus, Mads, Ole, Hans, Peder, \
                Søren, Niels, Knud, Christian, Frederik, Morten, Halvor, Gunnar, Isak, Elias, \
                Samuel, Daniel, Adam, Arvid, Herman, Mårten, Jöns, Torsten, Ivar, Einar, Anton, \
                Petter, Martin, Simon, Steffen, Thor",
                "",
                "sson, sen",
            ),
            // Nature names: Lindberg, Sjöström, Ekholm, Fagerlund.
            c(
                "Berg, Lind, Sjö, Ek, Holm, Dahl, Strand, Sand, Ström, Löf, Nord, Sund, Fors, Ny, \
                Ås, Björk, Gran, Alm, Ros, Lund, Wall, Hag, Eng, Kvist, Blom, Sten, Hed, Mal, \
                Söder, Öster, Väster, Norr, Lill, Stor, Ahl, Åk, Fager, Hell, Tall, Gull, \
                Silfver, Lager, Lövs, Rose, Sjö, Hög, Ask, Bäck, Rung, Sol",
                "",
                "berg, lund, ström, qvist, gren, dahl, holm, man, ling, stedt, blad, by, stam, \
                sten, vall, näs, mark, bäck, lin, borg",
            ),
        ],
        family_k: 60.0,
        feminine: None,
        deny: &[],
        middle: 0.1,
        plan: Plan {
            cc: "46",
            prefixes: &["70", "72", "73", "76"],
            groups: &[3, 2, 2],
            trunk: "0",
            glue: false,
        },
    },
    Spec {
        key: "slovene",
        weight: 3,
        script: Script::Latin,
        male: "Franc, Janez, Marko, Andrej, Ivan, Anton, Jožef=Jože, Luka, Matej=Matic, Peter, \
            Aleš, Tomaž, Jure, Nejc, Žiga, Rok, Boštjan=Bošti, Primož, Gregor, Miha, Jan, \
            Matija, Blaž, Uroš, Klemen, Gašper, Tilen, Jakob, Domen, Jaka, Bojan, Dušan, Igor, \
            Matjaž, Simon, Robert, Alojz=Lojze, Stanislav=Stane, Milan, Borut, Damjan, Aljaž, \
            Martin, David, Nik, Mitja, Zoran, Drago, Srečko, Vid, Tadej, Urban",
        female: "Ana=Anči, Maja, Irena, Mojca, Nina, Špela, Tjaša, Urška, Barbara, Petra, \
            Katarina=Katja, Eva, Sara, Nika, Tina, Mateja, Andreja, Nataša, Jožica, Marjeta=Meta, \
            Vesna, Polona, Alenka, Tanja, Sabina, Metka, Lara, Zala, Ema, Lana, Neža, Manca, \
            Kaja, Brigita, Darja, Helena, Vida, Zdenka, Martina, Mihaela, Simona, Jerneja, \
            Klavdija, Tamara, Živa, Pia, Marija, Ivana, Marta, Erika, Sonja, Suzana",
        given_compose: &[],
        given_k: 10.0,
        family: "Novak, Horvat, Kovačič, Krajnc, Zupančič, Potočnik, Kovač, Mlakar, Kos, Vidmar, \
            Golob, Turk, Božič, Kralj, Zupan, Bizjak, Hribar, Korošec, Rozman, Kotnik, Kavčič, \
            Kolar, Oblak, Petek, Kastelic, Žagar, Hočevar, Koren, Jerman, Zajc, Medved, Pirc, \
            Kosi, Rupnik, Breznik, Košir, Zorko, Tomažič, Debeljak, Kuhar, Sever, Erjavec, \
            Dolenc, Lesjak, Gregorič, Jenko, Petrič, Kern, Pavlič, Jereb, Majcen, Uršič, \
            Žnidaršič, Babič, Kokalj, Bezjak, Mohorič, Logar, Rajh, Leban, Perko, Cerar, Tavčar, \
            Lah, Hren, Kocjančič, Vovk, Černe, Bregar, Kobal, Pečnik, Ribič, Strnad, Zupanc, \
            Mlinar, Furlan, Hrovat, Kramberger, Jug, Ambrožič, Dolinar, Lipovšek",
        family_compose: &[
            // Kosič, Kosec, Kosnik, Kosar, Kosovec.
            c(
                "Kos, Hrib, Mlak, Zupan, Kovač, Vid, Turk, Kral, Golob, Potoč, Kot, Kern, Lesk, \
                Breg, Med, Petr, Pirc, Rep, Sever, Dolin, Gorš, Kastel, Kocjan, Mrak, \
                Oblak, Pogač, Rozm, Slak, Grad, Hrast, Javor, Jelen, Kamn, Lip, Lovr, Marin, \
                Mihel, Novin, Orel, Peč, Plesk, Podob, Prim, Rus, Sok, Štor, Tom, Trat, Vrh, Zor, \
                Žib, Bab, Cerk, Dobr, Fink, Gaber, Hrov, Jak, Jurš, Kerš, Klem, Kozel, Kranj, Lap, \
                Lev, Malen, Mat, Mod, Nov, Pav, Per, Pod, Rak, Rog, Sen, Skok, Strm, Šuš, Ter, \
                Urb, Vav, Vol, Zagor, Zalo, Žel, Bel, Brez, Čern, Drob, Gol, Jam, Lesn, Log, Mir, \
                Poljan, Rebr, Smol, Stran, Vrhov",
                "",
                "ič, ec, nik, ar, ovec, ovič, ek, ovnik, jak, nikar",
            ),
        ],
        family_k: 25.0,
        feminine: None,
        deny: &[],
        middle: 0.02,
        plan: Plan {
            cc: "386",
            prefixes: &["40", "41", "31", "51", "70"],
            groups: &[3, 3],
            trunk: "0",
            glue: false,
        },
    },
    Spec {
        key: "indian",
        weight: 10,
        script: Script::Latin,
        male: "Rahul, Amit, Rajesh=Raj, Suresh, Ramesh, Vikram=Vicky, Arjun, Rohan, Aditya=Adi, \
            Siddharth=Sid, Karthik, Venkatesh=Venky, Srinivas=Srini, Subramanian=Subbu, Sanjay, \
            Anil, Sunil, Vijay, Ajay, Manoj, Deepak, Ashok, Prakash, Mahesh, Ganesh, Dinesh, \
            Naresh, Mukesh, Rakesh, Harish, Girish, Sachin, Nikhil, Abhishek=Abhi, Ankit, Gaurav, \
            Varun, Vivek, Vishal, Pranav, Akash, Aman, Kunal, Rohit, Mohit, Nitin, Pankaj, \
            Sandeep, Sameer, Ravi, Krishna, Gopal, Mohan, Anand, Arun, Ashwin, Harpreet, \
            Gurpreet, Mohammed=Mohd/Mohammad, Imran, Farhan, Ishaan, Vihaan, Aarav, Kabir, Dev, \
            Yash, Tarun, Vinod, Raghav, Naveen, Praveen, Satish, Sudhir, Hemant, Lalit, Kiran, \
            Manish, Rajiv, Sunny, Ajit, Alok, Bharat, Chetan, Gautam, Jatin, Keshav",
        female: "Priya, Ananya, Deepika=Deepu, Aishwarya=Aish, Sunita, Lakshmi, Kavya, Neha, \
            Pooja, Divya, Anjali, Shreya, Sneha, Swati, Pallavi, Nisha, Ritu, Meera, Kavita, \
            Anita, Rekha, Geeta, Seema, Poonam, Shalini, Sangeeta, Preeti, Aarti, Jyoti, \
            Manisha, Madhuri, Radhika, Shruti, Tanvi, Ishita, Aditi, Riya, Sanya, Isha, Kriti, \
            Nandini, Gayatri, Bhavana, Sapna, Asha, Usha, Uma, Parvati, Padma, Kamala, Vidya, \
            Sushma, Archana, Vandana, Harini, Keerthi, Revathi, Sowmya, Ramya, Fatima, Ayesha, \
            Simran, Harleen, Manpreet, Pinky, Megha, Komal, Nidhi, Payal, Rashmi, Sonal",
        given_compose: &[
            // Sanskrit compounds: Ravikumar, Jayaprakash, Gopinath, Hemalatha, Shivapriya.
            c(
                "Ravi, Shiva, Jaya, Vijaya, Rama, Surya, Chandra, Hari, Raja, Prem, Shashi, \
                Anand, Deva, Krishna, Gopi, Uday, Sri, Vasu, Guru, Raghu, Sai, Dhana, Shyam, Ram",
                "",
                "kumar, prakash, shankar, nath, kant, mohan, raj, prasad, kiran, narayan, \
                murthy, chandra",
            ),
            cf(
                "Jaya, Vijaya, Sri, Raja, Hema, Prema, Swarna, Shashi, Chandra, Bhagya, Dhana, \
                Kanaka, Padma, Rathna, Suma, Shiva, Deva, Anu, Manju, Uma, Vani, Sita",
                "",
                "lakshmi, latha, priya, devi, rani, vani, shree, mala, rekha, kala",
            ),
        ],
        given_k: 15.0,
        family: "Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Rao, Mehta, Shah, Joshi, \
            Desai, Chopra, Malhotra, Agarwal, Banerjee, Chatterjee, Mukherjee, Krishnan, \
            Subramaniam, Pillai, Menon, Verma, Mishra, Pandey, Bhat, Kapoor, Saxena, Srinivasan, \
            Venkataraman, Ghosh, Das, Naidu, Yadav, Jain, Tiwari, Chaudhary, Dubey, Dutta, Gill, \
            Goswami, Kulkarni, Pandit, Patil, Rathore, Sethi, Sinha, Trivedi, Deshpande, Kamath, \
            Shetty, Hegde, Pai, Prabhu, Naik, Gowda, Rajan, Raman, Narayanan, Gopal, Bansal, \
            Goyal, Jindal, Khandelwal, Mittal, Singhal, Garg, Goel, Kansal, Dhillon, Sandhu, \
            Sidhu, Grewal, Brar, Bajwa, Cheema, Randhawa, Bhullar, Sekhon, Aulakh, Chahal, Virk, \
            Tendulkar, Gavaskar, Kelkar, Joglekar, Gokhale, Apte, Bhide, Sawant, Shinde, Pawar, \
            Jadhav, Chavan, More, Bose, Sen, Roy, Basu, Chakraborty, Bhattacharya, Sengupta, \
            Dasgupta, Mitra, Guha, Sarkar, Majumdar, Thakur, Rathod, Solanki, Parmar, Chauhan, \
            Bhatt, Dave, Vyas, Trivedi, Pathak, Upadhyay, Dwivedi, Tripathi, Shukla, Awasthi, \
            Srivastava, Mathur, Bhatnagar, Nigam, Khanna, Arora, Bhatia, Sachdeva, Anand, Ahuja, \
            Kohli, Luthra, Talwar, Bedi, Mehra, Khurana, Qureshi, Ansari, Siddiqui, Khan, Sheikh, \
            Syed, Mirza, Fernandes, D'Souza, Pereira, Rodrigues, Thomas, Varghese, Kurian, \
            Mathew, George, Abraham, Jacob, Chandran, Mohan, Ramachandran, Balakrishnan",
        family_compose: &[
            // South Indian: Ramaswamy, Krishnamurthy, Gopalakrishnan, Shanmugasundaram.
            c(
                "Rama, Krishna, Gopala, Siva, Venkata, Bala, Lakshmi, Radha, Hari, Raghu, Vasu, \
                Chandra, Surya, Narayana, Sundara, Mahadeva, Ananta, Padma, Vijaya, Jaya, \
                Shanmuga, Kumara, Subba, Seetha, Sankara, Ganesa, Muthu, Arumuga, Thiru, Palani, \
                Vaidya, Guru",
                "",
                "swamy, murthy, krishnan, raman, narayanan, sekhar, subramanian, nathan, \
                chandran, lingam, rajan, sundaram, pathy, moorthy, velu, kannan",
            ),
        ],
        family_k: 40.0,
        feminine: None,
        deny: &[],
        middle: 0.2,
        plan: Plan {
            cc: "91",
            prefixes: &["98", "99", "97", "90", "81", "70"],
            groups: &[3, 5],
            trunk: "0",
            glue: true,
        },
    },
    Spec {
        key: "chinese",
        weight: 8,
        script: Script::Han,
        // Common single- and two-character names; English names as the nicknames people use
        // abroad. The composed two-character names follow. The Latin spelling is the pinyin
        // deunicode gives; characters it reads wrongly for names (叶 Ye as Xie, 沈 Shen as Chen,
        // 娜 Na as Nuo) are left out.
        male: "伟=David, 晓明=Kevin, 磊, 军=Jack, 浩, 洋, 涛=Tony, 强, 志伟=Vincent, 一帆=Ivan, \
            勇, 杰, 斌, 超, 鹏, 明, 刚, 平, 辉, 建华, 建国, 国强, 志强, 俊杰, 浩然, 子轩, 宇轩, \
            文博, 天佑, 明轩",
        female: "芳=Fiona, 静=Jenny, 燕=Grace, 慧, 英=Cindy, 欣=Cynthia, 梅=May, 丽=Lily, \
            秀英, 佳慧, 敏, 婷, 玲, 霞, 红, 艳, 丹, 琳, 颖, 秀兰, 桂英, 丽娟, 晓燕, 欣怡, \
            子涵, 雨涵, 梓涵, 诗涵, 思雨",
        given_compose: &[
            c(
                "志, 建, 晓, 俊, 国, 文, 明, 海, 子, 宇, 浩, 天, 家, 永, 振, 金, 博, 凯, 一, 德, \
                立, 新, 少, 春, 云, 嘉, 启, 泽, 正, 鸿",
                "",
                "伟, 华, 明, 杰, 军, 平, 强, 涛, 辉, 鹏, 龙, 飞, 峰, 宇, 轩, 然, 晨, 阳, 博, \
                睿, 东, 刚, 斌, 林, 成, 生, 波, 磊, 勇, 豪",
            ),
            cf(
                "晓, 佳, 雨, 思, 欣, 梓, 丽, 秀, 玉, 美, 雪, 婷, 慧, 春, 红, 金, 云, 嘉, 诗, 文, \
                静, 亚, 海, 小, 月, 梦, 艳, 淑, 凤, 彩",
                "",
                "华, 琳, 婷, 颖, 静, 敏, 丽, 芳, 霞, 燕, 玲, 萍, 红, 怡, 然, 晨, 瑶, \
                雯, 彤, 欣, 涵, 蓉, 梅, 兰, 英, 珍, 莉, 倩",
            ),
        ],
        given_k: 200.0,
        // Real family names in order of frequency: a few are very common.
        family: "王, 李, 张, 刘, 陈, 杨, 黄, 赵, 吴, 周, 徐, 孙, 马, 朱, 胡, 郭, 何, 林, 高, 罗, \
            郑, 梁, 谢, 宋, 唐, 许, 韩, 冯, 邓, 曹, 彭, 肖, 田, 董, 袁, 潘, 于, 蒋, 蔡, 余, 杜, \
            程, 苏, 魏, 吕, 丁, 任, 姚, 卢, 姜, 崔, 钟, 谭, 陆, 汪, 范, 金, 石, 廖, 贾, \
            夏, 韦, 付, 方, 白, 邹, 孟, 熊, 秦, 邱, 江, 尹, 薛, 闫, 段, 雷, 侯, 龙, 史, 陶, 黎, \
            贺, 顾, 毛, 郝, 龚, 邵, 钱, 严, 武, 戴, 莫, 孔, 向, 汤, 常, 温, 康, 施, 文, 牛, \
            樊, 葛, 邢, 安, 齐, 易, 乔, 伍, 庞, 颜, 倪, 庄, 聂, 章, 鲁, 岳, 殷, 詹, 申, 欧阳, \
            耿, 关, 兰, 焦, 俞, 左, 柳, 甘, 祝, 包, 尚, 符, 舒, 阮, 柯, 纪, 梅, 童, 凌, 毕, \
            司马, 上官, 诸葛",
        family_compose: &[],
        family_k: 3.0,
        feminine: None,
        deny: &[],
        middle: 0.0,
        plan: Plan {
            cc: "86",
            prefixes: &["139", "138", "137", "186", "158", "135"],
            groups: &[4, 4],
            trunk: "",
            glue: false,
        },
    },
    Spec {
        key: "arabic",
        weight: 7,
        script: Script::Latin,
        male: "Mohammed=Muhammad/Mohamed/Mohamad, Ahmed=Ahmad, Ali, Mahmoud=Mahmud, \
            Youssef=Yousef/Yusuf, Omar=Umar, Khaled=Khalid, Hussein=Hussain/Husain, \
            Abdullah=Abdallah, Hassan=Hasan, Ibrahim, Mustafa=Moustafa, Tariq=Tarek, \
            Karim=Kareem, Samir=Sameer, Ismail, Hamza, Bilal, Said=Saeed, Faisal, Nasser=Nasir, \
            Walid=Waleed, Rashid=Rachid, Adel=Adil, Majid=Majed, Jamal, Kamal, Fadi, Rami, Ziad, \
            Nabil, Sami, Amir=Ameer, Anas, Ayman, Bassam, Fares, Ghassan, Hani, Hatem, Imad, \
            Marwan, Mazen, Munir, Osama=Usama, Qasim=Kassem, Raed, Saleh=Salih, Sultan, Tamer, \
            Wael, Yasser=Yasir, Zaid=Zayed, Abdulrahman=Abdelrahman, Abdulaziz=Abdelaziz, \
            Sulaiman=Suleiman, Idris, Mansour, Badr, Hisham, Emad, Khalil, Nizar, Taha, \
            Younes=Yunus, Hamad, Jaber, Mahdi, Murad, Naji, Riyad, Sharif, Yahya",
        female: "Fatima=Fatma, Aisha=Aicha/Ayesha, Mariam=Maryam, Layla=Leila/Laila, Noor=Nour, \
            Rania, Salma, Yasmin=Yasmine, Zainab=Zeinab, Khadija, Amina, Huda, Hana, Sara, Lina, \
            Dina, Reem, Rana, Dalia, Nadia, Samira, Amira, Farah, Jamila, Latifa, Mona, Nada, \
            Rasha, Sahar, Samar, Suha, Wafa, Yara, Zahra, Asma, Iman=Eman, Heba, Ghada, Lubna, \
            Maha, Manal, Nawal, Najwa, Sana, Shadia, Sawsan, Abeer, Aya, Basma, Dana, Hind, \
            Jana, Joud, Lama, Malak, Ruba, Shaima, Tala, Widad, Zeina, Alia, Bushra, Hiba, \
            Hayat, Inas, Marwa, Nisreen, Ola, Randa, Safaa",
        given_compose: &[],
        given_k: 20.0,
        family: "Al-Sayed, El-Masry, Haddad, Khoury, Nasser, Hamdan, Al-Rashid, Mansour, Saleh, \
            Abdelrahman, Farouk, Ibrahim, Aziz, Qureshi, Al-Hashimi, Bakr, Darwish, Hijazi, \
            Jaber, Khalil, Mustafa, Najjar, Othman, Sabbagh, Shalaby, Yassin, Zaki, Al-Amin, \
            Abboud, Antoun, Assaf, Atallah, Awad, Azzam, Bitar, Daher, Deeb, Fakhoury, Ghanem, \
            Habib, Hakim, Halabi, Hamad, Harb, Hassoun, Issa, Kanaan, Karam, Khatib, Maalouf, \
            Matar, Moussa, Nassar, Rizk, Saab, Salameh, Sarkis, Shami, Tannous, Touma, Yacoub, \
            Zein, Zoghbi, Abdallah, Suleiman, Hamdi, Fawzi, Shaker, Ashour, Radwan, Ramadan, \
            Sharif, Sultan, Youssef, Hussein, Hassan, Omar, Ali, Ahmed, Mahmoud, Fahmy, Gamal, \
            Helmy, Hosny, Lotfy, Naguib, Ragab, Shehata, Soliman, Zaher",
        family_compose: &[
            // Tribe and origin names, with and without the article: Al-Qahtani, Tamimi.
            c(
                "Al-, _",
                "",
                "Hashimi, Qahtani, Otaibi, Harbi, Shammari, Zahrani, Ghamdi, Dosari, Mutairi, \
                Anazi, Masri, Baghdadi, Tamimi, Farsi, Bakri, Attar, Hariri, Jazairi, Maghribi, \
                Tunisi, Sudani, Yamani, Omari, Ansari, Husseini, Hassani, Qasimi, Falasi, \
                Mansouri, Nuaimi, Suwaidi, Ketbi, Mazrouei, Shehhi, Zaabi, Balushi, Kaabi, \
                Dhaheri, Hammadi, Marzouqi, Muhairi, Romaithi, Jaberi, Amiri, Qubaisi, Obaidi, \
                Jubouri, Dulaimi, Khalidi, Azzawi, Rubaie, Saadi, Janabi, Shahrani, Maliki, \
                Shehri, Asmari, Juhani, Sulami, Subaie, Ajmi, Hajri, Marri, Kuwari, Kubaisi, \
                Zubaidi, Hakimi, Alawi, Idrisi, Fassi, Tazi, Halawani, Kurdi, Sharqawi, Zayani, \
                Najdi, Hamwi, Nabulsi, Khalili, Qudsi, Tarabulsi, Homsi, Hourani, Karaki, Tikriti",
            ),
            // Servant of one of the names of God: Abdelaziz, Abdulkarim.
            c(
                "Abdel, Abdul",
                "",
                "aziz, rahman, karim, rahim, malik, qader, hamid, majid, latif, hakim, jabbar, \
                ghani, wahab, razzaq, salam, hadi, halim, fattah, alim, basit, hafiz, jalil, \
                moneim, nour, samad, wahid, raouf, sattar, ilah, baqi",
            ),
            // Father of, son of: Abu Hassan, Bin Saleh; and a grandfather's name as family name.
            c(
                "Abu, Bin",
                " ",
                "Bakr, Zaid, Hamdan, Khalil, Saleh, Hassan, Ali, Omar, Youssef, Salem, Ghazaleh, \
                Hamad, Issa, Jaber, Nasser, Khader, Eid, Odeh, Rashid, Sultan, Hamid, Mahmoud, \
                Ibrahim, Ismail, Hussein, Taha, Mansour, Majid, Shaker, Yahya, Saif, Obaid, \
                Sabt, Rabee, Dayeh, Laban, Sneineh, Samra, Awad, Hilal",
            ),
        ],
        family_k: 60.0,
        feminine: None,
        deny: &[],
        middle: 0.25,
        plan: Plan {
            cc: "971",
            prefixes: &["50", "52", "54", "55", "56"],
            groups: &[3, 4],
            trunk: "0",
            glue: false,
        },
    },
    Spec {
        key: "russian",
        weight: 3,
        script: Script::Cyrillic,
        male: "Александр:Aleksandr=Sasha/Alexander, Сергей:Sergey=Sergei, \
            Дмитрий:Dmitry=Dima/Dmitri, Андрей:Andrey=Andrei, Алексей:Aleksey=Alexey/Alexei/Lyosha, \
            Иван=Vanya, Михаил=Misha, Евгений:Evgeny=Zhenya/Yevgeny, Николай:Nikolay=Kolya/Nikolai, \
            Владимир=Volodya/Vova, Максим=Maxim, Павел=Pasha, Артём:Artyom=Artem, Денис, Игорь, \
            Олег, Роман=Roma, Антон, Виктор, Юрий:Yuri=Yura/Yury, Илья, Кирилл, Никита, Вадим, \
            Константин=Kostya, Владислав=Vlad, Георгий:Georgy=Georgi, Егор:Yegor=Egor, \
            Станислав=Stas, Григорий:Grigory=Grisha, Борис, Анатолий:Anatoly=Tolya, Леонид, \
            Виталий:Vitaly, Ярослав, Фёдор:Fyodor=Fedor, Тимур, Руслан, Пётр:Pyotr=Petr, Степан, \
            Матвей, Даниил=Danya, Глеб, Валерий:Valery, Геннадий:Gennady=Gena, Василий:Vasily=Vasya, \
            Семён:Semyon=Semen, Аркадий:Arkady, Всеволод=Seva, Тимофей:Timofey",
        female: "Елена:Yelena=Lena/Elena, Ольга:Olga, Наталья:Natalia=Natasha, \
            Екатерина:Yekaterina=Katya/Ekaterina, Анна:Anna=Anya, Татьяна:Tatiana=Tanya, \
            Мария:Maria=Masha, Ирина=Ira, Светлана=Sveta, Анастасия:Anastasia=Nastya, \
            Юлия:Yulia, Марина, Людмила=Lyuda, Галина=Galya, Дарья=Dasha, Ксения=Ksyusha, Алина, \
            Виктория:Viktoria=Vika, Полина=Polya, Евгения:Evgenia=Zhenya, Вера, Надежда=Nadya, \
            Любовь=Lyuba, Валентина=Valya, Оксана, Елизавета:Yelizaveta=Liza, Софья=Sonya, \
            Алёна:Alyona, Кристина, Александра=Sasha, Вероника, Маргарита=Rita, Лариса, Нина, \
            Зоя, Тамара, Жанна, Диана, Валерия:Valeria=Lera, Яна, Лидия:Lidia, Раиса, Инна, \
            Милана, Ульяна, Василиса, Арина, Таисия:Taisia",
        given_compose: &[],
        given_k: 15.0,
        family: "Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков, \
            Фёдоров, Морозов, Волков, Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов, \
            Степанов, Николаев, Орлов, Андреев, Макаров, Никитин, Захаров, Зайцев, Соловьёв, \
            Борисов, Яковлев, Григорьев, Романов, Воробьёв, Сергеев, Кузьмин, Фролов, \
            Александров, Дмитриев, Королёв, Гусев, Киселёв, Ильин, Максимов, Поляков, Сорокин, \
            Виноградов, Ковалёв, Белов, Тарасов, Жуков, Белоусов, Комаров, Ершов, Пономарёв, \
            Щербаков, Богданов, Голубев, Калинин, Шестаков",
        family_compose: &[
            // -ов: Сидоров, Гончаров.
            c(
                "Сидор, Гончар, Рыбак, Плотник, Баран, Бык, Гаврил, \
                Глеб, Горшк, Гром, Гриб, Дрозд, Дуб, Жар, Кабан, Клим, Кожевник, Колесник, \
                Костр, Котл, Лукьян, Марк, Медник, Мирон, Мельник, Носк, Осип, Пахом, Пирог, \
                Прохор, Родион, Рудак, Сафон, Свечник, Серебряк, Сит, Скворц, Стрельц, Тихон, \
                Третьяк, Тулуп, Хомяк, Черн, Чиж, Шар, Шил, Блин, Весел, Гладк, Гол, Денис, \
                Ермак, Ефим, Зот, Исак, Казак, Кирсан, Козак, Кот, Крюк, Кулик, Лобан, Лук, \
                Мамонт, Мартын, Наум, Орех, Осетр, Панкрат, Пестр, Пятак, Рог, Ряб, Сазон, \
                Самсон, Симон, Сом, Сухан, Тит, Трофим, Устин, Филат, Цветк, Шмак, Щегл, Абрам, \
                Агап, Бирюк, Бобр, Голик, Давыд, Евдоким, Ждан, Кольц, Логин, Молчан, Нестер, \
                Овсянник, Поздняк, Рубц, Ушак, Чеснок, Шувал",
                "",
                "ов",
            ),
            // -ев after soft consonants: Гусев, Зуев, Матвеев.
            c(
                "Гус, Зу, Матве, Тимофе, Фаде, Афанась, Лавренть, Дементь, Игнать, Кондрать, \
                Корне, Мале, Моисе, Ноздр, Пантеле, Савель, Хмел, Юрь, Ярыш, Аге, Бондар, Горде, \
                Зиновь, Пугач, Сысо, Беля, Анань, Лазар, Гурь, Евсе",
                "",
                "ев",
            ),
            // -ин after a noun in -а/-я: Сорока → Сорокин, Калина → Калинин.
            c(
                "Ворон, Бород, Зим, Щук, Белк, Курочк, Малин, Мух, Лапш, Фом, Ерем, Мин, Гаврил, \
                Сем, Вавил, Дубин, Зайк, Клюкв, Кошк, Ласточк, Лук, Матюш, Пташк, Редьк, Рыбк, \
                Савк, Синиц, Собак, Сушк, Тётк, Травк, Уточк, Фишк, Щепк, Ягод, Капуст, Утк, Юд, \
                Лап, Лар, Сав, Суббот, Тимош, Волош, Шубк, Олеш, Вилк, Горшк, Дудк, Пчелк",
                "",
                "ин",
            ),
            // -ский from churches and places: Покровский, Успенский.
            c(
                "Вознесен, Преображен, Успен, Рождествен, Покров, Богослов, Николь, Введен, \
                Знамен, Архангель, Ковалев, Яблонов, Воскресен, Богоявлен, Петров, Казан, \
                Смолен, Можай, Звенигород, Рязан, Вологод, Костром, Ярослав, Суздаль",
                "",
                "ский",
            ),
        ],
        family_k: 60.0,
        feminine: Some(namegen::feminine_ru),
        // Combinations that would name well-known people are left out of the composed tail.
        deny: &["Медведев", "Пушкин", "Лавров", "Путин", "Малахов", "Карпов", "Крылов"],
        middle: 0.0,
        plan: Plan {
            cc: "7",
            prefixes: &["916", "903", "925", "985", "926"],
            groups: &[3, 2, 2],
            trunk: "8",
            glue: false,
        },
    },
    Spec {
        key: "greek",
        weight: 2,
        script: Script::Greek,
        male: "Γεώργιος:Georgios=Giorgos/George, Δημήτριος:Dimitrios=Dimitris/Jim, \
            Κωνσταντίνος:Konstantinos=Kostas/Costas, Νικόλαος:Nikolaos=Nikos/Nick, \
            Ιωάννης:Ioannis=Giannis/John, Παναγιώτης=Panos/Takis, Βασίλειος=Vasilis/Bill, \
            Χρήστος=Chris, Αθανάσιος=Thanasis/Thanos, Μιχαήλ=Michalis/Mike, \
            Ευάγγελος=Vangelis, Αντώνιος=Antonis/Tony, Σπυρίδων=Spyros, \
            Θεόδωρος=Thodoris/Theo, Αλέξανδρος=Alexis/Alex, Ηλίας, Εμμανουήλ=Manolis, Σταύρος, \
            Αναστάσιος=Tasos, Άγγελος, Ανδρέας, Στέφανος, Πέτρος, Παύλος, Γρηγόριος=Grigoris, \
            Λεωνίδας, Σωτήριος=Sotiris, Απόστολος=Tolis, Φίλιππος, Μάρκος, Άρης, Θωμάς, \
            Χαράλαμπος=Babis, Κυριάκος, Στυλιανός=Stelios, Ιάσονας, Οδυσσέας, Περικλής",
        female: "Μαρία, Ελένη=Helen, Αικατερίνη=Katerina, Βασιλική=Vicky, Σοφία, Αγγελική, \
            Ευαγγελία, Γεωργία, Δήμητρα, Κωνσταντίνα=Dina, Ιωάννα, Παρασκευή=Voula, Χριστίνα, \
            Ειρήνη=Irene, Αναστασία=Natasa, Δέσποινα, Χρυσούλα, Θεοδώρα, Ευγενία, Ελισάβετ, \
            Φωτεινή, Παναγιώτα=Giota, Αλεξάνδρα, Αθηνά, Νικολέτα, Στυλιανή=Stella, Ζωή, Άννα, \
            Ευτυχία, Μαργαρίτα, Ελπίδα, Πηνελόπη=Penny, Κυριακή, Σταυρούλα, Ευδοκία, Θεοπίστη",
        given_compose: &[],
        given_k: 12.0,
        family: "Παπαδόπουλος, Παπαδάκης, Γεωργίου, Οικονόμου, Νικολαΐδης, Παππάς, Βλάχος, \
            Καραγιάννης, Παπαγεωργίου, Δημητρίου, Ιωάννου, Αθανασίου, Κωνσταντίνου, Αντωνίου, \
            Μακρής, Αλεξίου, Χριστοδούλου, Πετρίδης, Λαμπρόπουλος, Μαυρίδης, Ζαχαρίου",
        family_compose: &[
            // Patronymic suffixes on given-name and trade stems: Γεωργόπουλος, Γεωργιάδης,
            // Γεωργάκης, Γεωργάτος (Georgopoulos, Georgiadis, Georgakis, Georgatos).
            c(
                "Παπαδ, Γεωργ, Νικολ, Δημητρ, Κωνσταντιν, Αθανασ, Χριστ, Σταυρ, Παναγιωτ, Βασιλ, \
                Αντων, Ιωανν, Μιχαηλ, Αλεξ, Θεοδωρ, Ευαγγελ, Σπυρ, Μανωλ, Αποστολ, Σταματ, \
                Αγγελ, Γρηγορ, Λαμπρ, Μαρκ, Πετρ, Παυλ, Στεφαν, Φιλιππ, Χαραλαμπ, Αναστασ, \
                Ζαχαρ, Κυριακ, Μαυρ, Σωτηρ, Καλογερ, Καραμαν, Κουτσ, Λιαπ, Μπαλτ, Τσακαλ, \
                Ραφαηλ, Στυλιαν, Παντελ, Λευτερ, Μην, Ζερβ, Κοντ, Μαργαρ, \
                Πολυχρον, Σαραντ, Τριανταφυλλ, Φραγκ, Χατζ, Ψαρ, Γιαννακ, Δημ, Κωστ, Μελ",
                "",
                "όπουλος, ίδης, άκης, άτος",
            ),
            // Genitive names: Παπαδημητρίου, Χατζηγεωργίου.
            c(
                "Παπα, Χατζη, Καρα",
                "",
                "γεωργίου, δημητρίου, αντωνίου, αναστασίου, ζαχαρίου, χριστοδούλου, \
                μιχαήλ, ιωάννου, αθανασίου, σταύρου, πέτρου, παύλου, νικολάου, θεοδώρου, \
                γιάννης, κώστας, λάμπρου, μάρκου, στεφάνου, φιλίππου",
            ),
        ],
        family_k: 30.0,
        feminine: Some(namegen::feminine_el),
        deny: &["Παπανδρέου"],
        middle: 0.0,
        plan: Plan {
            cc: "30",
            prefixes: &["69"],
            groups: &[1, 3, 4],
            trunk: "",
            glue: true,
        },
    },
];

/// Professional credentials people append to their LinkedIn last name.
pub static CREDENTIALS: &[&str] = &[
    "PhD", "Ph.D.", "MBA", "PMP", "CPA", "CFA", "MD", "PE", "CISSP", "MSc", "SHRM-CP",
];

/// Emoji people put in display names.
pub static EMOJI: &[&str] = &["🚀", "🌸", "✨", "☀️", "🎧", "🌍", "⚽", "🦋", "💙", "🎨"];

/// Invented organisations (any likeness to a real one is accidental).
pub static COMPANIES: &[&str] = &[
    "Acme Corp",
    "Globex",
    "Initech",
    "Umbrella Logistics",
    "Stark Analytics",
    "Wayne Foods",
    "Hooli",
    "Vandelay Industries",
    "Pied Piper",
    "Soylent Systems",
    "Cyberdyne Labs",
    "Tyrell Biotech",
    "Wonka Confectionery",
    "Oceanic Travel",
    "Gringotts Finance",
    "Monarch Solutions",
    "Blue Sun Energy",
    "Nakatomi Trading",
    "Massive Dynamic",
    "Aperture Research",
    "Black Mesa Consulting",
    "Dunder Paper",
    "Prestige Worldwide",
    "Sterling Cooper",
    "Bluth Homes",
    "Los Pollos Logistics",
    "Virtucon",
    "Gekko & Co",
    "Wernham Hogg",
    "Krusty Foods",
    "Octan Energy",
    "Kwik-E Retail",
    "Nordlicht GmbH",
    "Maison Lumière",
    "Grupo Sol y Mar",
    "Zielona Dolina Sp. z o.o.",
    "Polderwerk BV",
    "Fjordlys AS",
    "Lotus Infotech",
    "Golden Dragon Trading",
    "Desert Rose Holdings",
    "Alpski Vrh d.o.o.",
    "Helios Shipping",
    "Aurora Health",
    "Northwind Traders",
    "Contoso",
    "Fabrikam",
    "Tailspin Toys",
    "Woodgrove Bank",
    "Litware",
    "Adventure Works",
    "Proseware",
    "Fourth Coffee",
    "Lucerne Publishing",
    "Margie's Travel",
    "Wide World Importers",
    "Trey Research",
    "Humongous Insurance",
    "Coho Winery",
    "Alpine Ski House",
    "Graphic Design Institute",
    "School of Fine Art",
    "City Hospital",
    "State University",
];

pub static TITLES: &[&str] = &[
    "Software Engineer",
    "Senior Software Engineer",
    "Product Manager",
    "Data Scientist",
    "Account Manager",
    "Sales Director",
    "Marketing Manager",
    "HR Business Partner",
    "Recruiter",
    "Chief Executive Officer",
    "CTO",
    "Founder",
    "Co-Founder & CEO",
    "Operations Manager",
    "Financial Analyst",
    "Consultant",
    "Senior Consultant",
    "UX Designer",
    "Teacher",
    "Professor",
    "Nurse",
    "Physician",
    "Attorney",
    "Architect",
    "Project Manager",
    "Business Analyst",
    "DevOps Engineer",
    "Research Scientist",
    "Customer Success Manager",
    "Office Manager",
    "Head of Growth",
    "VP Engineering",
    "Director, Strategy and Operations",
    "Student",
    "Intern",
    "Freelancer",
];

pub static MAIL_DOMAINS: &[&str] = &[
    "example.com",
    "example.org",
    "example.net",
    "mail.example.com",
    "inbox.example.org",
    "post.example.net",
];

pub static MASTODON_HOSTS: &[&str] = &[
    "mastodon.social",
    "fosstodon.org",
    "hachyderm.io",
    "mastodon.online",
    "chaos.social",
    "infosec.exchange",
];

/// Handles unrelated to a person's name, as some people pick.
pub static HANDLE_WORDS: &[&str] = &[
    "sunny", "moon", "pixel", "coffee", "wander", "ocean", "forest", "urban", "retro", "cosmic",
    "lazy", "happy", "wild", "velvet", "paper", "jazz", "mango", "nomad",
];
