import { words } from './split';

// Given names from many places, the more common first.
export const firstNames = words(`
James Maria Michael Anna David Sarah Daniel Laura John Emma Alex Sofia Chris Olivia Ahmed Fatima
Mohammed Priya Rahul Ananya Arjun Neha Wei Li Jun Mei Hiroshi Yuki Kenji Sakura Min-jun Ji-woo
Lucas Gabriel Mateus Ana Juliana Pedro Carlos Sofía Diego Valentina Camila Santiago Mateo Lucía
Luis Jose Javier Elena Pablo Carmen Marta Jorge Andrés Isabella Tomasz Katarzyna Piotr Agnieszka
Anna-Maria Oleksandr Olena Andriy Iryna Dmytro Natalia Ivan Yulia Sergei Ekaterina Nikolai Olga
Mark Paul Peter Thomas Robert William Richard Joseph Charles Matthew Andrew Joshua Ryan Kevin
Brian George Edward Jason Jeffrey Jacob Gary Eric Stephen Jonathan Larry Justin Scott Brandon
Benjamin Samuel Frank Gregory Raymond Patrick Jack Dennis Jerry Tyler Aaron Adam Nathan Henry
Zachary Douglas Kyle Noah Ethan Jeremy Walter Christian Keith Roger Terry Austin Sean Gerald
Carl Dylan Harold Jordan Jesse Bryan Lawrence Arthur Bruce Billy Joe Albert Willie Gabe Logan
Jennifer Linda Elizabeth Barbara Susan Jessica Karen Nancy Lisa Betty Margaret Sandra Ashley
Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon
Cynthia Kathleen Amy Angela Shirley Brenda Pamela Nicole Samantha Katherine Christine Debra
Rachel Carolyn Janet Catherine Heather Diane Ruth Julie Joyce Virginia Victoria Kelly Lauren
Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann
Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn
Danielle Beverly Isabel Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori
Chidi Ngozi Emeka Adaeze Tunde Folake Kwame Ama Kofi Akosua Wanjiru Otieno Amina Baraka Zainab
Youssef Layla Omar Nour Karim Yasmin Hassan Mariam Ali Aisha Tariq Leila Mustafa Salma Hamza
Mehmet Ayşe Emre Elif Burak Zeynep Can Deniz Cem Selin Avi Noa Yosef Tamar Eitan Shira
Lars Ingrid Erik Astrid Nils Freya Mikkel Sigrid Jonas Maja Anders Linnea Johan Elsa Oskar
Lukas Leonie Felix Mia Maximilian Hannah-Lena Jan Lena Tim Julia Niklas Lea Moritz Clara Paul-Luca
Pierre Camille Antoine Chloé Louis Manon Hugo Inès Théo Léa Arthur-Jean Juliette Mathieu Élodie
Giulia Marco Francesca Luca Chiara Alessandro Martina Andrea-Luca Sara Matteo Federica Davide
João Beatriz Tiago Inês Rui Catarina Miguel Mariana Nuno Rita Bruno Leonor Ricardo Joana
Sipho Thandiwe Lerato Thabo Nomvula Bongani Zanele Kagiso Ravi Deepa Sanjay Kavya Vikram
Pooja Aditya Shreya Karthik Divya Rohan Meera Siddharth Lakshmi Nikhil Aarav Isha Varun Tanvi
Chen Xin Hao Yan Jing Lei Ming Hui Tao Ying Feng Lan Bo Qing Kai Rui Hana Ren Sora Haruto
Minh Linh Tuan Thu Nam Hoa Duc Mai Quang Trang Jose-Maria Rizal Siti Budi Dewi Agus Putri
Marcelo Fernanda Rodrigo Larissa Thiago Gabriela Leandro Patrícia Felipe Renata Gustavo Bianca
Ximena Emilio Regina Sebastián Renata-Sofía Alejandro Paula Nicolás Daniela Facundo Agustina
Milan Jelena Nikola Ana-Marija Stefan Ivana Marko Milica Luka Petra Filip Mateja Boris Vesna
`);

// Family names from many places, the more common first.
export const lastNames = words(`
Smith Johnson Garcia Martinez Rodriguez Lopez Hernandez Gonzalez Silva Santos Kumar Singh Patel
Sharma Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Nguyen Tran Le Pham Kim Lee Park Choi
Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Sato Williams Brown Jones Miller
Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Thompson White Harris Clark Lewis Robinson
Walker Young Allen King Wright Scott Torres Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart
Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard
Ramos Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price
Alvarez Castillo Sanders Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell
Coleman Butler Henderson Barnes Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton
Graham Reynolds Griffin Wallace West Cole Hayes Bryant Herrera Gibson Ellis Ford Marshall Owens
McDonald Harrison Kennedy Wells Alves Pereira Oliveira Costa Rodrigues Ferreira Almeida Carvalho
Gomes Martins Araújo Ribeiro Barbosa Rocha Dias Teixeira Moreira Cardoso Fernandes Lima Sousa
Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Boyko Kovalchuk Polishchuk
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf
Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause Lehmann
Dubois Durand Lefebvre Leroy Moreau Simon Laurent Michel Bernard Petit Roux Fournier Girard Bonnet
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa-Rossi
Jansen Dekker Brouwer Vermeulen Bakker Visser Smit Meijer Mulder Bos Vos
Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Hansen
Nielsen Jensen Pedersen Christensen Larsen Sørensen Rasmussen Jørgensen Korhonen Virtanen Mäkinen
Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Novák Svoboda Novotný Dvořák Černý
Horváth Kovács Tóth Szabó Nagy Varga Kiss Molnár Popescu Ionescu Popa Stan Dumitru Stoica Radu
Ivanov Petrov Georgiev Dimitrov Jovanović Petrović Nikolić Marković Đorđević Stojanović Horvat
Kovačević Babić Marić Papadopoulos Papadakis Georgiou Nikolaou Yılmaz Kaya Demir Şahin Çelik
Yıldız Aydın Öztürk Cohen Levi Mizrahi Peretz Biton Friedman Haddad Khoury Hassan Ali Ahmed
Mahmoud Ibrahim Mansour Saleh Abdullah Rahman Hussain Khan Akhtar Qureshi Chowdhury Hossain
Islam Das Bose Mukherjee Banerjee Chatterjee Ghosh Iyer Nair Menon Reddy Rao Naidu Pillai Gupta
Agarwal Joshi Desai Mehta Shah Kapoor Malhotra Chopra Verma Mishra Pandey Okafor Okonkwo Adeyemi
Oladipo Eze Nwosu Mensah Owusu Boateng Asante Kamau Mwangi Otieno Ochieng Njoroge Dlamini Nkosi
Ndlovu Mokoena Zulu Santos-Silva Castro Vargas Rojas Moreno Muñoz Jiménez Navarro Domínguez Vázquez
Ramírez Aguilar Medina Guerrero Sandoval Delgado Ortega Vega Cabrera Salazar Espinoza Figueroa
Fuentes Carrillo Contreras Lara Soto Campos Paredes Acosta Pacheco Cortés Benítez Santiago
Tan Lim Ng Ong Goh Chua Teo Koh Santoso Wijaya Halim Gunawan Setiawan Hartono Kurniawan Putra
Reyes-Cruz Mendoza-Garcia Bautista Villanueva Aquino Navarro-Lopez Ramos-Diaz Castillo-Ruiz
`);
